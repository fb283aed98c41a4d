FROM registry.example.com/debian:12.8-slim@sha256:0000000000000000000000000000000000000000000000000000000000000001
# An expanded variable splits into words: this exposes 8080 and 22
ENV PORTS="8080 22"
EXPOSE $PORTS
CMD ["/usr/sbin/sshd", "-D"]
