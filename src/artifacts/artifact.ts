import { basename, extname } from 'node:path';
import type { ArtifactKind } from '../model/vocabulary.ts';
import { parseDockerfile, type Dockerfile } from './dockerfile.ts';
import { composeContainers, inspectContainers, looksLikeCompose, looksLikeDaemonConfig, looksLikeInspect, type DaemonConfig, type DockerContainer } from './docker.ts';
import { isRecord, kubeObjects, looksLikeKubeObject, type KubeObject } from './kubernetes.ts';
import type { Position } from './location.ts';
import { parseYamlStream, type YamlDocument } from './yaml-stream.ts';

export type Artifact =
  | { kind: 'dockerfile'; file: string; dockerfile: Dockerfile }
  | { kind: 'kubernetes'; file: string; objects: KubeObject[] }
  | { kind: 'compose' | 'inspect'; file: string; containers: DockerContainer[] }
  | { kind: 'docker-daemon'; file: string; daemon: DaemonConfig };

/** Something wrong with an input file: reported on one line, and the run goes on. */
export interface InputProblem {
  file: string;
  message: string;
  position?: Position;
}

export type ReadResult =
  | { status: 'read'; artifact: Artifact; problems: InputProblem[] }
  /** Not parseable: always reported. */
  | { status: 'invalid'; problems: InputProblem[] }
  /** Parseable, but none of the kinds: reported for a named file, skipped in a directory walk. */
  | { status: 'unrecognised'; problems: InputProblem[] };

const DOCKERFILE_NAME = /^(?:(?:Docker|Container)file(?:[.-][\w.-]+)?|[\w.-]+\.(?:docker|container)file)$/i;
const STRUCTURED_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Whether a directory walk should read this file at all (other files are not artifacts). */
export function isCandidateName(file: string): boolean {
  const name = basename(file);
  return DOCKERFILE_NAME.test(name) || STRUCTURED_EXTENSIONS.has(extname(name).toLowerCase());
}

function guessFromName(file: string): ArtifactKind | undefined {
  const name = basename(file);
  if (DOCKERFILE_NAME.test(name)) return 'dockerfile';
  if (name === 'daemon.json') return 'docker-daemon';
  return undefined;
}

/** A Dockerfile starts, after comments and directives, with FROM or ARG; nothing else does. */
function looksLikeDockerfile(text: string): boolean {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  return first !== undefined && /^\s*(FROM|ARG)\s/i.test(first);
}

function guessFromDocuments(documents: YamlDocument[]): ArtifactKind | undefined {
  const first = documents[0]?.value;
  if (looksLikeCompose(first)) return 'compose';
  if (looksLikeInspect(first)) return 'inspect';
  if (documents.some((document) => looksLikeKubeObject(document.value) || (isRecord(document.value) && Array.isArray(document.value.items) && typeof document.value.kind === 'string'))) return 'kubernetes';
  if (looksLikeDaemonConfig(first)) return 'docker-daemon';
  return undefined;
}

/**
 * Parses one input as the kind it is forced to, or the kind its name and content say it is.
 * Never throws for bad input: problems come back with the file (and line) named.
 */
export function readArtifact(file: string, text: string, forced?: ArtifactKind): ReadResult {
  const byName = forced ?? guessFromName(file);
  if (byName === 'dockerfile' || (!byName && !STRUCTURED_EXTENSIONS.has(extname(file).toLowerCase()) && looksLikeDockerfile(text))) {
    return { status: 'read', artifact: { kind: 'dockerfile', file, dockerfile: parseDockerfile(text) }, problems: [] };
  }
  const stream = parseYamlStream(text);
  if (stream.error) {
    const hint = text.includes('{{') ? ' (an unrendered Helm template? pipe `helm template` output instead)' : '';
    return { status: 'invalid', problems: [{ file, message: `invalid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${stream.error.message}${hint}`, position: stream.error.position }] };
  }
  if (stream.documents.length === 0) return { status: 'invalid', problems: [{ file, message: 'no content: the file holds only comments or blank documents' }] };
  const kind = byName ?? guessFromDocuments(stream.documents);
  const documents = stream.documents;
  const first = documents[0] as YamlDocument;
  switch (kind) {
    case 'kubernetes': {
      const problems: InputProblem[] = [];
      const objects = documents.flatMap((document) => {
        const result = kubeObjects(document);
        problems.push(...result.problems.map((problem) => ({ file, message: problem.message, position: problem.position })));
        return result.objects;
      });
      return { status: 'read', artifact: { kind, file, objects }, problems };
    }
    case 'compose':
      return { status: 'read', artifact: { kind, file, containers: composeContainers(first) }, problems: [] };
    case 'inspect':
      return { status: 'read', artifact: { kind, file, containers: inspectContainers(first) }, problems: [] };
    case 'docker-daemon':
      if (!isRecord(first.value)) return { status: 'invalid', problems: [{ file, message: 'daemon.json must hold a JSON object' }] };
      return { status: 'read', artifact: { kind, file, daemon: { value: first.value, document: first } }, problems: [] };
    default:
      return {
        status: 'unrecognised',
        problems: [{ file, message: 'not a Kubernetes manifest, Compose file, inspect output, daemon.json or Dockerfile (use --kind to say which it is)' }],
      };
  }
}
