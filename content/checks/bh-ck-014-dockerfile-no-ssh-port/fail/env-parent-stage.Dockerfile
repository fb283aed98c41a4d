FROM registry.example.com/debian:12.8-slim@sha256:0000000000000000000000000000000000000000000000000000000000000001 AS base
# ENV set in a parent stage is inherited by the stage built FROM it
ENV SSH_PORT=22

FROM base
EXPOSE 8080 ${SSH_PORT}/tcp
CMD ["/usr/sbin/sshd", "-D"]
