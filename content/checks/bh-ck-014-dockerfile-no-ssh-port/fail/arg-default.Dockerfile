FROM registry.example.com/debian:12.8-slim@sha256:0000000000000000000000000000000000000000000000000000000000000001
# The ARG default is what `docker build` uses without --build-arg
ARG PORT=22
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server && rm -rf /var/lib/apt/lists/*
EXPOSE $PORT
CMD ["/usr/sbin/sshd", "-D"]
