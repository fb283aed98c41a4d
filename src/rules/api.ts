/**
 * The contract of a machine rule: `content/checks/<id>/rule.ts` default-exports
 * `defineRule({...})` with one handler per artifact kind it can decide. The check's ID, title,
 * severity, risks and scanner rules come from its index.mdx, never from the rule.
 */
import type { Dockerfile, DockerfileInstruction, DockerfileStage } from '../artifacts/dockerfile.ts';
import type { DaemonConfig, DockerContainer } from '../artifacts/docker.ts';
import type { KubeObject } from '../artifacts/kubernetes.ts';
import type { PathSegment, Position } from '../artifacts/location.ts';

export type { Dockerfile, DockerfileInstruction, DockerfileStage, DaemonConfig, DockerContainer, KubeObject, PathSegment, Position };
export { keyValues, rawKeyValues } from '../artifacts/dockerfile.ts';
export { expandWith, globalArgs, isRootUser, parentStage, resolveUser, variablesBefore, type UserResolution, type Variables } from '../artifacts/dockerfile-scope.ts';
export { renderParts } from '../artifacts/dockerfile-words.ts';

/** One violation: what is wrong, and where (a path in the YAML/JSON document, or a Dockerfile position). */
export interface RuleHit {
  message: string;
  at: readonly PathSegment[] | Position;
}

/**
 * A rule that needs the whole run: every Kubernetes object of all files given to one
 * `bulkhead check` (or one fixture folder in the tests), not one object at a time. `collect` sees
 * each object once, as the per-object handlers do, and keeps only what the rule needs (a large
 * List is never held whole); `check` runs once at the end over what was kept.
 */
export interface KubernetesSetRule<T> {
  /** What to keep of this object, and where a finding about it points; undefined keeps nothing. */
  collect(object: KubeObject): { keep: T; at: readonly PathSegment[] } | undefined;
  /** Hits about kept items, each naming the item it is about; the finding points where that item's `at` is. */
  check(kept: readonly T[]): { item: T; message: string }[];
}

export interface CheckRule {
  /** Dockerfiles and Containerfiles. */
  dockerfile?(dockerfile: Dockerfile): RuleHit[];
  /** Every object of a Kubernetes manifest; `object.pod` is set for the kinds that run pods. */
  kubernetes?(object: KubeObject): RuleHit[];
  /** All Kubernetes objects of the run together (see KubernetesSetRule). */
  kubernetesSet?: KubernetesSetRule<unknown>;
  /** Every Compose service and every container of `docker inspect` / `podman inspect`. */
  docker?(container: DockerContainer): RuleHit[];
  /** dockerd's daemon.json. */
  daemon?(config: DaemonConfig): RuleHit[];
}

/** Gives a whole-run rule its item type; use it as `kubernetesSet: defineSetRule<Item>({ collect, check })`. */
export function defineSetRule<T>(rule: KubernetesSetRule<T>): KubernetesSetRule<T> {
  return rule;
}

/** Identity function that gives rule files their types. */
export function defineRule(rule: CheckRule): CheckRule {
  return rule;
}

export function hitAt(instruction: DockerfileInstruction, message: string): RuleHit {
  return { message, at: { line: instruction.line, column: instruction.column } };
}
