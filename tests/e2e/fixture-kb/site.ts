/**
 * The fixture content built as a copy under a sub-path: how scripts/test-all.ts builds it and
 * playwright.config.ts serves it. One place, so the build and the tests agree.
 */
export const KB_OUT_DIR = 'dist-fixture-kb';
export const KB_BASE = '/kb/';
export const KB_SITE = 'https://kb.example.org';
export const KB_PORT = 4324;

/** The environment of that build. */
export const KB_BUILD_ENV = { BULKHEAD_CONTENT_DIR: 'tests/fixtures/content', BULKHEAD_BASE: KB_BASE, BULKHEAD_SITE: KB_SITE };
