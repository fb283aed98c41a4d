# FROM ${BASE} names the earlier stage through a global ARG, so the final stage inherits its HEALTHCHECK
ARG BASE=runtime
FROM debian:12-slim@sha256:2424c1850714a4d94666ec928e24d86de958646737b1d113f5b2207be44d37d8 AS runtime
HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/local/bin/app", "healthcheck"]

FROM ${BASE}
COPY app /usr/local/bin/app
USER 10001
ENTRYPOINT ["/usr/local/bin/app"]
