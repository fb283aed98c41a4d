FROM registry.example.com/debian:12.8-slim@sha256:0000000000000000000000000000000000000000000000000000000000000001
# BuildKit reads [ip:]hostPort:containerPort/proto, any protocol case, and a leading + sign; all three are port 22/tcp
EXPOSE 0.0.0.0:2222:22/TCP
EXPOSE +22
CMD ["/usr/sbin/sshd", "-D"]
