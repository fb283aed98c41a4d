/**
 * An image reference pinned by digest: `name[:tag]@<algorithm>:<hex>`. The grammar is
 * distribution/reference's DigestRegexp (what Docker, containerd and the kubelet parse): an
 * algorithm (sha256, sha512, or another registered one), a colon and at least 32 hex digits.
 * Checking for `@sha256:` alone would call a `@sha512:` pin unpinned.
 */
const DIGEST = /@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

export function isPinnedByDigest(image: string): boolean {
  return DIGEST.test(image.trim());
}
