FROM registry.suse.com/bci/bci-base:15.6@sha256:1ee4d8c50d14d9c9e9229d9a039d793fcbc9aa803806d194c957a397cf1d2b17
RUN zypper --non-interactive install -y curl && zypper clean --all
RUN ["sh", "-c", "zypper -n patch && zypper cc -a"]
USER 10001
