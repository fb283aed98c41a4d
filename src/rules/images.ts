/**
 * An image reference pinned by a digest a container runtime accepts: `name[:tag]@<algorithm>:<hex>`.
 * distribution/reference's grammar admits any algorithm and 32 or more hex digits, but the
 * runtimes then validate the digest with go-digest, which knows sha256, sha384 and sha512 (and blake3 where registered) and
 * requires exactly their length in lower-case hex; anything else is refused at pull, so it pins
 * nothing. Checking for `@sha256:` alone would call a `@sha512:` pin unpinned.
 */
const DIGEST_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128, blake3: 64 };

export function isPinnedByDigest(image: string): boolean {
  const match = /@([a-z0-9]+):([0-9a-f]+)$/.exec(image.trim());
  if (!match) return false;
  const [, algorithm = '', hex = ''] = match;
  return DIGEST_LENGTHS[algorithm] === hex.length;
}
