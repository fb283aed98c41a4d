import { basename, extname } from 'node:path';
import type { ArtifactKind } from '../model/vocabulary.ts';
import { parseDockerfile, type Dockerfile } from './dockerfile.ts';
import { composeContainers, inspectContainers, looksLikeCompose, looksLikeDaemonConfig, looksLikeInspect, type DaemonConfig, type DockerContainer } from './docker.ts';
import { looksLikeLargeJsonList, readLargeJsonList } from './json-list.ts';
import { isKubeList, isRecord, kubeObjectsAt, looksLikeKubeObject, type KubeObject, type KubeObjects } from './kubernetes.ts';
import type { Position } from './location.ts';
import { parseYamlStream, type YamlDialect, type YamlDocument } from './yaml-stream.ts';

export type Artifact =
  | {
      kind: 'kubernetes';
      file: string;
      /** Iterable, not an array: a large JSON List yields its objects one at a time (json-list.ts). */
      objects: Iterable<KubeObject>;
      /** Objects of kinds no rule reads (Kustomization, VerticalPodAutoscaler, …), counted per kind. */
      withoutRules: ReadonlyMap<string, number>;
    }
  | { kind: 'dockerfile'; file: string; dockerfile: Dockerfile }
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
/**
 * Extensions no Dockerfile has, though `Dockerfile.*` names match them (a diagram
 * `dockerfile.png`, an archive `Dockerfile.tar.gz`): a directory walk does not read them.
 */
const NOT_TEXT_EXTENSIONS = new Set([
  '.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg', '.ico', '.bmp', '.tif', '.tiff', '.avif', '.heic', '.pdf',
  '.zip', '.gz', '.tgz', '.tar', '.bz2', '.xz', '.zst', '.7z', '.rar', '.jar', '.war', '.whl',
  '.exe', '.dll', '.so', '.dylib', '.o', '.a', '.bin', '.class', '.pyc', '.wasm',
  '.woff', '.woff2', '.ttf', '.otf', '.eot', '.mp3', '.mp4', '.mov', '.avi', '.webm', '.ogg', '.wav',
]);

/** Whether a directory walk should read this file at all (other files are not artifacts). */
export function isCandidateName(file: string): boolean {
  const name = basename(file);
  const extension = extname(name).toLowerCase();
  if (STRUCTURED_EXTENSIONS.has(extension)) return true;
  return DOCKERFILE_NAME.test(name) && !NOT_TEXT_EXTENSIONS.has(extension);
}

/** What the name says, used only when the content does not decide. */
function guessFromName(file: string): ArtifactKind | undefined {
  const name = basename(file);
  if (STRUCTURED_EXTENSIONS.has(extname(name).toLowerCase())) return name === 'daemon.json' ? 'docker-daemon' : undefined;
  if (DOCKERFILE_NAME.test(name)) return 'dockerfile';
  return undefined;
}

/** A Dockerfile starts, after comments and directives, with FROM or ARG; nothing else does. */
function looksLikeDockerfile(text: string): boolean {
  // Line by line without splitting the whole text: this runs on every input, and manifests are long.
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end).trim();
    if (line !== '' && !line.startsWith('#')) return /^(FROM|ARG)\s/i.test(line);
    if (end === -1) break;
    start = end + 1;
  }
  return false;
}

function looksLikeKubernetes(documents: YamlDocument[]): boolean {
  return documents.some((document) => looksLikeKubeObject(document.value) || isKubeList(document.value));
}

function guessFromDocuments(documents: YamlDocument[]): ArtifactKind | undefined {
  const first = documents[0]?.value;
  if (looksLikeCompose(first)) return 'compose';
  if (looksLikeInspect(first)) return 'inspect';
  if (looksLikeKubernetes(documents)) return 'kubernetes';
  if (looksLikeDaemonConfig(first)) return 'docker-daemon';
  return undefined;
}

function dockerfileResult(file: string, text: string): ReadResult {
  return { status: 'read', artifact: { kind: 'dockerfile', file, dockerfile: parseDockerfile(text) }, problems: [] };
}

function kubernetesResult(file: string, documents: YamlDocument[]): ReadResult {
  const found: KubeObjects = { objects: [], problems: [], withoutRules: new Map() };
  for (const document of documents) kubeObjectsAt(document.value, [], document, found);
  const problems = found.problems.map((problem) => ({ file, message: problem.message, position: problem.position }));
  return { status: 'read', artifact: { kind: 'kubernetes', file, objects: found.objects, withoutRules: found.withoutRules }, problems };
}

function largeListResult(file: string, text: string): ReadResult {
  const list = readLargeJsonList(text);
  if ('error' in list) return { status: 'invalid', problems: [{ file, ...list.error }] };
  const problems = list.problems.map((problem) => ({ file, message: problem.message, position: problem.position }));
  return { status: 'read', artifact: { kind: 'kubernetes', file, objects: list.objects, withoutRules: list.withoutRules }, problems };
}

/** Compose and Kubernetes resolve `yes`, `on`, `y` differently (yaml-schemas.ts): read with the dialect of the kind. */
function dialectOf(kind: ArtifactKind | undefined): YamlDialect {
  return kind === 'compose' ? 'compose' : 'kubernetes';
}

/**
 * Parses one input as the kind it is forced to, or the kind its content says it is; the name
 * only breaks ties (a `dockerfile-build-job.yaml` holding a Job is Kubernetes). Never throws for
 * bad input: problems come back with the file (and line) named.
 */
export function readArtifact(file: string, text: string, forced?: ArtifactKind): ReadResult {
  if (forced === 'dockerfile' || (!forced && looksLikeDockerfile(text))) return dockerfileResult(file, text);
  if ((!forced || forced === 'kubernetes') && looksLikeLargeJsonList(text)) return largeListResult(file, text);
  const byName = guessFromName(file);
  let stream = parseYamlStream(text, dialectOf(forced));
  if (stream.error) {
    if (!forced && byName === 'dockerfile') return dockerfileResult(file, text);
    const hint = text.includes('{{') ? ' (an unrendered Helm template? pipe `helm template` output instead)' : '';
    return { status: 'invalid', problems: [{ file, message: `invalid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${stream.error.message}${hint}`, position: stream.error.position }] };
  }
  const kind = forced ?? guessFromDocuments(stream.documents) ?? byName;
  if (kind === 'dockerfile') return dockerfileResult(file, text);
  if (stream.documents.length === 0) return { status: 'invalid', problems: [{ file, message: 'no content: the file holds only comments or blank documents' }] };
  if (kind === 'compose' && !forced) stream = parseYamlStream(text, 'compose');
  const documents = stream.documents;
  const first = documents[0];
  if (!first) return { status: 'invalid', problems: [{ file, message: 'no content: the file holds only comments or blank documents' }] };
  switch (kind) {
    case 'kubernetes':
      return kubernetesResult(file, documents);
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
