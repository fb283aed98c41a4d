# A global ARG redeclared without a value inside the stage keeps its default
ARG PORT=22
FROM registry.example.com/debian:12.8-slim@sha256:0000000000000000000000000000000000000000000000000000000000000001
ARG PORT
EXPOSE $PORT
CMD ["/usr/sbin/sshd", "-D"]
