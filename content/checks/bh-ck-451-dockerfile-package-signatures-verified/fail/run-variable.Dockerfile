FROM debian:12-slim@sha256:2424c1850714a4d94666ec928e24d86de958646737b1d113f5b2207be44d37d8
# The shell of RUN expands $APT_OPTS to --allow-unauthenticated
ARG APT_OPTS="-y --allow-unauthenticated"
RUN apt-get update && apt-get install $APT_OPTS --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
USER 10001
