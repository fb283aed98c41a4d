import type { FrameworkKey } from '../model/vocabulary.ts';
import type { CellItem } from './model.ts';

/** "K01:2025" → "2025"; undefined for an ID without an edition. */
export function editionOf(id: string): string | undefined {
  return /:(\d{4})$/.exec(id)?.[1];
}

/** "2022 edition", "2022 and 2025 editions". */
export function editionsPhrase(editions: readonly string[]): string {
  const sorted = [...new Set(editions)].sort();
  if (sorted.length === 0) return '';
  const last = sorted.at(-1) ?? '';
  return sorted.length === 1 ? `${last} edition` : `${sorted.slice(0, -1).join(', ')} and ${last} editions`;
}

/**
 * An OWASP item cited in both editions under the same name is one item with two IDs
 * ("K01:2022, K01:2025 Insecure Workload Configurations"), not the same line twice. Items of
 * other frameworks, and items whose name changed between editions, stay as they are.
 */
export function mergeEditions(framework: FrameworkKey, list: readonly CellItem[]): CellItem[] {
  if (framework !== 'owaspK8s') return [...list];
  const merged: CellItem[] = [];
  for (const candidate of list) {
    const same = candidate.label ? merged.find((existing) => existing.label === candidate.label) : undefined;
    if (same) same.also = [...(same.also ?? []), { id: candidate.id, href: candidate.href }];
    else merged.push({ ...candidate });
  }
  return merged;
}
