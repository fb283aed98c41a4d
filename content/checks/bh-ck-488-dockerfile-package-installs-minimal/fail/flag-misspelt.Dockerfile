FROM alpine:3.20@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d
# --no-cache must be the flag of the apk add itself, spelt exactly.
RUN apk upgrade --no-cache && apk add --no-cacher curl
USER 10001
