/**
 * Build variables as BuildKit scopes them (moby/buildkit frontend/dockerfile/dockerfile2llb
 * convert.go: buildMetaArgs, dispatchArg, dispatchEnv, dispatchState.init), evaluated with the
 * defaults the Dockerfile gives: what `docker build` without `--build-arg` produces. Values the
 * Dockerfile cannot tell (an ARG without default, the base image's ENV) stay unknown.
 */
import type { Dockerfile, DockerfileInstruction, DockerfileStage } from './dockerfile.ts';
import { rawKeyValues } from './dockerfile.ts';
import { expandWord, renderParts, type ExpandedWord, type WordPart } from './dockerfile-words.ts';

/** Variables with a value known from the Dockerfile alone. */
export type Variables = ReadonlyMap<string, string>;

function isResolved(word: ExpandedWord): boolean {
  return !word.error && word.parts.every((part) => typeof part === 'string');
}

/** Expands `word` with `variables`; unknown references stay `{ variable }` parts. */
export function expandWith(dockerfile: Dockerfile, word: string, variables: Variables): ExpandedWord {
  return expandWord(word, dockerfile.escape, (name) => variables.get(name));
}

/** ARGs before the first FROM, each default expanded with the ones before it (buildMetaArgs). */
export function globalArgs(dockerfile: Dockerfile): Map<string, string> {
  const globals = new Map<string, string>();
  for (const instruction of dockerfile.instructions) {
    if (instruction.stage !== -1 || instruction.keyword !== 'ARG') continue;
    for (const { key, raw } of rawKeyValues(instruction, dockerfile.escape)) {
      if (raw === undefined) continue;
      const value = expandWith(dockerfile, raw, globals);
      if (isResolved(value)) globals.set(key, renderParts(value.parts));
      else globals.delete(key);
    }
  }
  return globals;
}

/** The earlier stage a stage is built FROM, by its (case-insensitive) name; FROM sees only global ARGs. */
export function parentStage(dockerfile: Dockerfile, stage: DockerfileStage, globals: Variables = globalArgs(dockerfile)): DockerfileStage | undefined {
  const name = renderParts(expandWith(dockerfile, stage.image, globals).parts).toLowerCase();
  return dockerfile.stages.find((candidate) => candidate.index < stage.index && candidate.alias === name);
}

function applyArg(dockerfile: Dockerfile, instruction: DockerfileInstruction, variables: Map<string, string>, globals: Variables): void {
  // Each ARG of one instruction sees the ones before it (dispatchArg adds them one by one).
  for (const { key, raw } of rawKeyValues(instruction, dockerfile.escape)) {
    if (raw === undefined) {
      // `ARG NAME` re-declares a global ARG with its default; otherwise it sets nothing.
      const inherited = globals.get(key);
      if (inherited !== undefined) variables.set(key, inherited);
      continue;
    }
    const value = expandWith(dockerfile, raw, variables);
    if (isResolved(value)) variables.set(key, renderParts(value.parts));
    else variables.delete(key);
  }
}

function applyEnv(dockerfile: Dockerfile, instruction: DockerfileInstruction, variables: Map<string, string>): void {
  // All values of one ENV are expanded before any is set: `ENV A=1 B=$A` gives B the earlier A.
  const values = rawKeyValues(instruction, dockerfile.escape).map(({ key, raw }) => ({ key, value: expandWith(dockerfile, raw ?? '', variables) }));
  for (const { key, value } of values) {
    if (isResolved(value)) variables.set(key, renderParts(value.parts));
    else variables.delete(key);
  }
}

/**
 * The variables known just before `instruction`: those a parent stage (FROM <stage>) ends
 * with, then the stage's own ARG and ENV instructions in order.
 */
export function variablesBefore(dockerfile: Dockerfile, instruction: DockerfileInstruction): Variables {
  const globals = globalArgs(dockerfile);
  const stage = dockerfile.stages[instruction.stage];
  if (!stage) return globals;
  const chain: DockerfileStage[] = [];
  // Parents always have a smaller index, so this walk ends.
  for (let current: DockerfileStage | undefined = stage; current; current = parentStage(dockerfile, current, globals)) chain.unshift(current);
  const variables = new Map<string, string>();
  for (const member of chain) {
    for (const candidate of dockerfile.instructions) {
      if (candidate.stage !== member.index || candidate === member.from) continue;
      if (member === stage && candidate.line >= instruction.line) break;
      if (candidate.keyword === 'ARG') applyArg(dockerfile, candidate, variables, globals);
      else if (candidate.keyword === 'ENV') applyEnv(dockerfile, candidate, variables);
    }
  }
  return variables;
}

export type UserResolution =
  /** The user part of USER as the build sees it, and whether it means UID 0. */
  | { resolved: true; user: string; root: boolean }
  /** The user part depends on variables the Dockerfile gives no value for. */
  | { resolved: false; variables: string[] };

/**
 * UID 0 as the runtime reads the user part of USER: the name root, or any number Go's
 * strconv.Atoi reads as 0 (`0`, `00`, `+0`, `-0`); an empty user means the default, root.
 */
export function isRootUser(user: string): boolean {
  return user === '' || /^root$/i.test(user) || /^[+-]?0+$/.test(user);
}

/** The user part (before the first `:`) of an expanded USER argument. */
function userPart(parts: readonly WordPart[]): WordPart[] {
  const user: WordPart[] = [];
  for (const part of parts) {
    if (typeof part !== 'string') {
      user.push(part);
      continue;
    }
    const colon = part.indexOf(':');
    if (colon >= 0) {
      user.push(part.slice(0, colon));
      return user;
    }
    user.push(part);
  }
  return user;
}

/** Resolves a USER instruction's user with the ARG and ENV values in scope where it stands. */
export function resolveUser(dockerfile: Dockerfile, instruction: DockerfileInstruction): UserResolution {
  const expanded = expandWith(dockerfile, instruction.args, variablesBefore(dockerfile, instruction));
  const user = userPart(expanded.parts);
  const unknown = user.filter((part) => typeof part !== 'string').map((part) => part.variable);
  if (expanded.error || unknown.length > 0) return { resolved: false, variables: [...new Set(unknown.filter(Boolean))] };
  const text = renderParts(user);
  return { resolved: true, user: text, root: isRootUser(text) };
}
