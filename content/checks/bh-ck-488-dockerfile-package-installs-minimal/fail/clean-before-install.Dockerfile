FROM registry.access.redhat.com/ubi9/ubi:9.4@sha256:1ee4d8c50d14d9c9e9229d9a039d793fcbc9aa803806d194c957a397cf1d2b17
# The cache is cleaned before the second install, which fills it again.
RUN yum install -y httpd && yum clean all && yum install -y mod_ssl
USER 10001
