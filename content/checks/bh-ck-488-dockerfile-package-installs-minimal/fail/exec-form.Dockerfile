FROM alpine:3.20@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d
# The exec form runs apk without a shell: still an install without --no-cache.
RUN ["apk", "add", "curl"]
USER 10001
