# syntax=docker/dockerfile:1
FROM registry.access.redhat.com/ubi9/ubi:9.4@sha256:1ee4d8c50d14d9c9e9229d9a039d793fcbc9aa803806d194c957a397cf1d2b17
# Removing the cache directory in the same RUN does what yum clean all does.
RUN yum install -y httpd && rm -rf /var/cache/yum/*
# A cache mount keeps the cache out of the layer altogether.
RUN --mount=type=cache,target=/var/cache/dnf dnf install -y mod_ssl
USER 10001
