FROM debian:12-slim@sha256:2424c1850714a4d94666ec928e24d86de958646737b1d113f5b2207be44d37d8
# The trigger runs in every build FROM this image, so sudo must be installed in it.
ONBUILD RUN sudo apt-get update
USER 10001
