import type { Artifact } from '../artifacts/artifact.ts';

/** Objects that were read but that no rule judges, so a clean report is not taken for a full one. */
export interface ObjectsWithoutRules {
  count: number;
  /** Objects per kind, e.g. { Kustomization: 1, VerticalPodAutoscaler: 2 }. */
  kinds: Record<string, number>;
}

export interface RunSummary {
  filesChecked: number;
  /** Files a directory walk found but that are no container artifact (a CI workflow, a values file). */
  filesSkipped: number;
  inputErrors: number;
  checksRun: number;
  /** Kubernetes objects of kinds without rules (KINDS_WITH_RULES in artifacts/kubernetes.ts); absent when there were none. */
  objectsWithoutRules?: ObjectsWithoutRules;
}

/** Adds an artifact's objects of kinds without rules to the run's summary; call it once per artifact read. */
export function countObjectsWithoutRules(summary: RunSummary, artifact: Artifact): void {
  if (artifact.kind !== 'kubernetes' || artifact.withoutRules.size === 0) return;
  const tally = (summary.objectsWithoutRules ??= { count: 0, kinds: {} });
  for (const [kind, count] of artifact.withoutRules) {
    tally.count += count;
    // defineProperty: a kind is user text, and `__proto__` must become a key, not a prototype.
    Object.defineProperty(tally.kinds, kind, { value: (Object.hasOwn(tally.kinds, kind) ? (tally.kinds[kind] ?? 0) : 0) + count, enumerable: true, writable: true, configurable: true });
  }
}
