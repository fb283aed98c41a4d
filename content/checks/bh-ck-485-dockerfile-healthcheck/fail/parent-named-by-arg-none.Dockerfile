# The parent stage named through a global ARG switches health checks off
ARG BASE=runtime
FROM debian:12-slim@sha256:2424c1850714a4d94666ec928e24d86de958646737b1d113f5b2207be44d37d8 AS runtime
HEALTHCHECK NONE

FROM ${BASE}
COPY app /usr/local/bin/app
USER 10001
ENTRYPOINT ["/usr/local/bin/app"]
