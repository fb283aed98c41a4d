FROM debian:12-slim@sha256:2424c1850714a4d94666ec928e24d86de958646737b1d113f5b2207be44d37d8
# The same variables with values that keep verification on
ARG TLS_CHECK=1
ENV NODE_TLS_REJECT_UNAUTHORIZED=$TLS_CHECK
ARG CURL_OPTS="--fail --location"
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates \
 && curl $CURL_OPTS -o /tmp/tool.tar.gz https://downloads.example.com/tool.tar.gz
USER 10001
