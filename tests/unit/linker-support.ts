/**
 * Test support for the findings linker: removes the links it adds, written from the documented
 * output (src/linker/link.ts), not from its code, so a round trip proves that nothing else changed.
 */
import { Buffer } from 'node:buffer';
import { expect } from 'vitest';
import { siteUrl } from '../../src/model/urls.ts';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const SITE = escape(siteUrl());

/** A JSON string holding a Bulkhead /ref/ URL. */
const REF_URL = `"${SITE}/ref/[a-z-]+/[^"\\\\/]+/"`;
/** The keys a link is added under, in any format. */
const LINK_KEY_NAMES = 'References|BulkheadURL|bulkheadUrl|bulkhead_url|url|guideline|bulkhead_guideline|helpUri';
const LINK_KEYS = `(?:${LINK_KEY_NAMES})`;
/** SARIF property-bag members: the URL, then the relation and the manual flag when known. */
const BAG = `"bulkheadUrl"\\s*:\\s*${REF_URL}(?:,\\s*"bulkheadRelation"\\s*:\\s*"[a-z ]+")?(?:,\\s*"bulkheadManual"\\s*:\\s*true)?`;
const LINK_VALUE = `(?:${REF_URL}|\\[${REF_URL}\\])`;

/** Most specific first: a bag inside a new `properties` goes with it, not on its own. */
const ADDED_TEXT: readonly RegExp[] = [
  new RegExp(`\\\\n\\\\n\\[Explained on Bulkhead\\]\\(${SITE}/ref/[a-z-]+/[^)"\\\\/]+/\\)`, 'g'),
  new RegExp(`,\\s*"(?:properties|bulkheadProperties)"\\s*:\\s*\\{${BAG}\\}`, 'g'),
  new RegExp(`(?<=\\{\\s*)"(?:properties|bulkheadProperties)"\\s*:\\s*\\{${BAG}\\}`, 'g'),
  new RegExp(`,\\s*${BAG}`, 'g'),
  new RegExp(`(?<=\\{\\s*)${BAG}`, 'g'),
  new RegExp(`,\\s*"${LINK_KEYS}"\\s*:\\s*${LINK_VALUE}`, 'g'),
  new RegExp(`(?<=\\{\\s*)"${LINK_KEYS}"\\s*:\\s*${LINK_VALUE}`, 'g'),
  new RegExp(`,\\s*${REF_URL}(?=\\s*\\])`, 'g'),
  new RegExp(`(?<=\\[\\s*)${REF_URL}(?=\\s*\\])`, 'g'),
];

/**
 * The text without every link the linker documents adding, found by pattern alone. Exact for
 * reports that hold no empty `References: []` or `properties: {}`: a link added into one of those
 * reads the same as a new key, which is why expectRoundTrip works from the reported insertions.
 */
export function removeAddedLinks(text: string): string {
  return ADDED_TEXT.reduce((current, pattern) => current.replace(pattern, ''), text);
}

/** One inserted text as documented: link members (SARIF adds two at once), bag members, a list element, the markdown line. */
const SNIPPET = new RegExp(
  [
    `(?:,?\\s*"(?:${LINK_KEY_NAMES}|properties|bulkheadProperties)"\\s*:\\s*(?:${LINK_VALUE}|\\{${BAG}\\}))+`,
    `,?\\s*${BAG}`,
    `,?\\s*${REF_URL}`,
    `\\\\n\\\\n\\[Explained on Bulkhead\\]\\(${SITE}/ref/[a-z-]+/[^)"\\\\/]+/\\)`,
  ]
    .map((form) => `^${form}$`)
    .join('|'),
);

interface Linked {
  text: string;
  edits: readonly { offset: number; text: string }[];
}

/**
 * Removing the added links gives back the input byte for byte. The output must be the input with
 * the reported insertions and nothing else, each insertion must be a link as documented, and
 * cutting them out of the output must leave exactly the input's bytes.
 */
export function expectRoundTrip(input: string, result: Linked): void {
  const bytes = Buffer.from(input, 'utf8');
  const output = Buffer.from(result.text, 'utf8');
  const edits = [...result.edits].sort((left, right) => left.offset - right.offset);
  expect(edits.length).toBeGreaterThan(0);
  for (const edit of edits) expect(edit.text).toMatch(SNIPPET);
  const kept: Buffer[] = [];
  let at = 0;
  let shift = 0;
  for (const edit of edits) {
    const inserted = Buffer.from(edit.text, 'utf8');
    const start = edit.offset + shift;
    expect(output.subarray(start, start + inserted.length).equals(inserted)).toBe(true);
    kept.push(output.subarray(at, start));
    at = start + inserted.length;
    shift += inserted.length;
  }
  kept.push(output.subarray(at));
  // Compared as bytes, not with toBe: a failing 100,000-deep report would print megabytes.
  expect(output.length).toBe(bytes.length + shift);
  expect(Buffer.concat(kept).equals(bytes), 'the output without the links is the input').toBe(true);
}

/** Removing the links found by pattern alone, without the linker's word for them, gives back the input byte for byte. */
export function expectPatternRoundTrip(input: string, output: string): void {
  expect(output).not.toBe(input);
  expect(Buffer.from(removeAddedLinks(output), 'utf8').equals(Buffer.from(input, 'utf8'))).toBe(true);
}

/** A Trivy JSON report around `findings` (JSON text of the Misconfigurations list's elements). */
export function trivyReport(findings: string, extra = ''): string {
  return `{"SchemaVersion": 2,${extra} "Results": [{"Target": "k8s/deploy.yaml", "Misconfigurations": [${findings}]}]}`;
}
