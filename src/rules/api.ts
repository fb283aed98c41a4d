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

export interface CheckRule {
  /** Dockerfiles and Containerfiles. */
  dockerfile?(dockerfile: Dockerfile): RuleHit[];
  /** Every object of a Kubernetes manifest; `object.pod` is set for the kinds that run pods. */
  kubernetes?(object: KubeObject): RuleHit[];
  /** Every Compose service and every container of `docker inspect` / `podman inspect`. */
  docker?(container: DockerContainer): RuleHit[];
  /** dockerd's daemon.json. */
  daemon?(config: DaemonConfig): RuleHit[];
}

/** Identity function that gives rule files their types. */
export function defineRule(rule: CheckRule): CheckRule {
  return rule;
}

export function hitAt(instruction: DockerfileInstruction, message: string): RuleHit {
  return { message, at: { line: instruction.line, column: instruction.column } };
}
