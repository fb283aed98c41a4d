# A global ARG is in scope only for FROM lines unless the stage redeclares it
ARG PORT=22
FROM registry.example.com/debian:12.8-slim@sha256:0000000000000000000000000000000000000000000000000000000000000001
EXPOSE ${PORT:-8080}
USER 10001
CMD ["/usr/local/bin/app"]
