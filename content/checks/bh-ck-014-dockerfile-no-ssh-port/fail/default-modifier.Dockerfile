FROM registry.example.com/debian:12.8-slim@sha256:0000000000000000000000000000000000000000000000000000000000000001
# An empty ARG makes ${PORT:-22} take its default
ARG PORT=""
EXPOSE ${PORT:-22}
CMD ["/usr/sbin/sshd", "-D"]
