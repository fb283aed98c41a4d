FROM debian:12-slim@sha256:2424c1850714a4d94666ec928e24d86de958646737b1d113f5b2207be44d37d8
# Every image built FROM this one runs this install, recommended packages included.
ONBUILD RUN apt-get update && apt-get install -y python3 && rm -rf /var/lib/apt/lists/*
USER 10001
