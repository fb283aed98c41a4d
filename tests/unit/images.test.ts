import { describe, expect, it } from 'vitest';
import { isPinnedByDigest } from '../../src/rules/images.ts';

describe('isPinnedByDigest accepts only digests a runtime validates', () => {
  const sha256 = 'a'.repeat(64);
  it('accepts sha256, sha384, sha512 and blake3 at their exact lower-case length, with or without a tag', () => {
    for (const image of [`nginx@sha256:${sha256}`, `nginx:1.27@sha256:${sha256}`, `registry:5000/team/app@sha384:${'b'.repeat(96)}`, `nginx@sha512:${'c'.repeat(128)}`, `nginx@blake3:${sha256}`]) expect(isPinnedByDigest(image), image).toBe(true);
  });
  it('refuses tags, wrong lengths, upper-case hex and unknown algorithms', () => {
    for (const image of ['nginx:1.27', 'nginx', `nginx@sha256:${sha256.slice(1)}`, `nginx@sha256:${sha256.toUpperCase()}`, `nginx@sha512:${sha256}`, 'nginx@custom-algorithm:a', `nginx@md5:${'a'.repeat(32)}`]) expect(isPinnedByDigest(image), image).toBe(false);
  });
});
