/**
 * Builds and tests can point the whole pipeline at another content tree (a fixture set) with
 * BULKHEAD_CONTENT_DIR; everything else reads ./content.
 */
export function contentDirOverride(): string | undefined {
  return process.env.BULKHEAD_CONTENT_DIR || undefined;
}
