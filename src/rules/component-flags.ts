import type { ContainerView, KubeObject } from '../artifacts/kubernetes.ts';
import type { PathSegment } from '../artifacts/location.ts';

/** The control-plane and node binaries whose command-line flags CIS items are about. */
export const COMPONENTS = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd', 'kubelet', 'kube-proxy'] as const;
export type Component = (typeof COMPONENTS)[number];

/** One `--name=value` (or `--name value`, or bare `--name`) as the binary would parse it. */
export interface ComponentFlag {
  name: string;
  /** The value, or "true" for a bare boolean flag (Go's flag package reads `--x` as `--x=true`). */
  value: string;
  /** Where the flag is written in the document. */
  path: PathSegment[];
}

export interface ComponentFlags {
  component: Component;
  container: ContainerView;
  /** Every flag in order. `get` keeps the last occurrence, or joins them for list flags (see ACCUMULATING_FLAGS). */
  flags: ComponentFlag[];
  /** The effective value of a flag as the binary reads it, or undefined when it is not set. */
  get(name: string): ComponentFlag | undefined;
  /**
   * The effective flag when it gives a value. `--tls-cert-file=` (empty) leaves a string flag at
   * its default, as if it were not written, so it is undefined here: a manifest cannot satisfy a
   * check that asks for a file by naming the flag without one.
   */
  valued(name: string): ComponentFlag | undefined;
  /** Path of the container's command, where a missing flag belongs. */
  commandPath: PathSegment[];
}

type Word = { word: string; path: PathSegment[] };

/** The container's `env` entries that give a literal value (not valueFrom), in order, with where each value is. */
function literalEnvironment(container: ContainerView): { name: string; value: string; path: PathSegment[] }[] {
  const env = container.value.env;
  if (!Array.isArray(env)) return [];
  return env.flatMap((item: unknown, index) => {
    if (item === null || typeof item !== 'object') return [];
    const { name, value } = item as { name?: unknown; value?: unknown };
    return typeof name === 'string' && typeof value === 'string' ? [{ name, value, path: [...container.path, 'env', index, 'value'] }] : [];
  });
}

/** The container's literal environment, each value expanded with the ones before it (as the kubelet does). */
function environment(container: ContainerView): Map<string, string> {
  const variables = new Map<string, string>();
  for (const { name, value } of literalEnvironment(container)) variables.set(name, expandReferences(value, variables));
  return variables;
}

/**
 * Kubernetes' `$(VAR)` expansion in command and args (third_party/forked/golang/expansion): a
 * defined variable is replaced by its value, `$$` is a literal `$`, and an undefined reference
 * stays as written. `--streaming-connection-idle-timeout=$(T)` with `T=0` is a zero timeout.
 */
export function expandReferences(text: string, variables: ReadonlyMap<string, string>): string {
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char !== '$' || index + 1 >= text.length) {
      out += char;
      continue;
    }
    const next = text[index + 1];
    if (next === '$') {
      out += '$';
      index += 1;
    } else if (next === '(') {
      const close = text.indexOf(')', index + 2);
      if (close < 0) {
        out += text.slice(index);
        break;
      }
      const name = text.slice(index + 2, close);
      out += variables.get(name) ?? `$(${name})`;
      index = close;
    } else out += char;
  }
  return out;
}

/**
 * Splits a `sh -c` script into the words of its first command as the shell would: quotes,
 * backslashes, line continuations, and `$VAR` / `${VAR}` from the container's environment outside
 * single quotes. Command substitution and globbing are not modelled: such words stay as written.
 */
function shellWords(script: string, variables: ReadonlyMap<string, string>): string[] {
  const words: string[] = [];
  let current = '';
  let started = false;
  let quote: string | undefined;
  for (let index = 0; index < script.length; index += 1) {
    const char = script.charAt(index);
    const next = script.charAt(index + 1);
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else current += char;
      continue;
    }
    if (char === '\\' && index + 1 < script.length) {
      index += 1;
      // A backslash before a newline joins the lines; inside double quotes it escapes only $ ` " \ and newline.
      if (next === '\n') continue;
      current += quote === '"' && !'$`"\\'.includes(next) ? `\\${next}` : next;
      started = true;
      continue;
    }
    if (char === '$') {
      const braced = next === '{' ? /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(script.slice(index + 1)) : null;
      const plain = braced ? null : /^[A-Za-z_][A-Za-z0-9_]*/.exec(script.slice(index + 1));
      const name = braced?.[1] ?? plain?.[0];
      if (name !== undefined && variables.has(name)) {
        current += variables.get(name);
        index += (braced?.[0] ?? plain?.[0] ?? '').length;
        started = true;
        continue;
      }
    }
    if (quote === '"') {
      if (char === '"') quote = undefined;
      else current += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      started = true;
    } else if (char === ' ' || char === '\t') {
      if (started) words.push(current);
      current = '';
      started = false;
    } else if (char === '\n' || char === ';' || char === '&' || char === '|') {
      // The component's command ends at the first separator; what follows is another command.
      break;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) words.push(current);
  return words;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const basename = (word: string) => word.split('/').pop() ?? '';
const isComponent = (name: string | undefined): name is Component => (COMPONENTS as readonly (string | undefined)[]).includes(name);

/**
 * The words the component's binary receives, and which binary it is. The kubelet expands
 * `$(VAR)` references first; then the binary is the first word, the command a `sh -c` script runs
 * (after `exec` and `VAR=value` assignments), or the command after a wrapper's `--` (`nsenter …
 * -- kubelet …`), so a wrapper cannot hide the flags.
 */
function commandLine(container: ContainerView): { binary: string | undefined; words: Word[] } {
  const variables = environment(container);
  const all: Word[] = [];
  for (const list of ['command', 'args'] as const) {
    const items = container.value[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, index) => {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') all.push({ word: expandReferences(String(item), variables), path: [...container.path, list, index] });
    });
  }
  const first = all[0];
  if (first && SHELLS.has(basename(first.word)) && all[1]?.word === '-c' && all[2]) {
    const script = all[2];
    const tokens = shellWords(script.word, variables);
    while (tokens.length > 0 && (tokens[0] === 'exec' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(tokens[0] ?? ''))) tokens.shift();
    return { binary: basename(tokens[0] ?? ''), words: tokens.slice(1).map((word) => ({ word, path: script.path })) };
  }
  const separator = all.findIndex((item) => item.word === '--');
  const wrapped = separator >= 0 ? all[separator + 1] : undefined;
  if (wrapped && isComponent(basename(wrapped.word))) return { binary: basename(wrapped.word), words: all.slice(separator + 2) };
  const binary = first ? basename(first.word) : undefined;
  return { binary, words: all.slice(isComponent(binary) ? 1 : 0) };
}

/**
 * etcd's environment variables as flags: ETCD_CERT_FILE sets --cert-file when the command line does
 * not (etcd's SetFlagsFromEnv). Only literal values count; one taken from a Secret or ConfigMap
 * (valueFrom) is unknown here.
 */
function etcdEnvironmentFlags(container: ContainerView): ComponentFlag[] {
  return literalEnvironment(container)
    .filter(({ name }) => name.startsWith('ETCD_') && name.length > 5)
    .map(({ name, value, path }) => ({ name: name.slice(5).toLowerCase().replaceAll('_', '-'), value, path }));
}

/** Which component a container runs: the binary its command line starts (or, failing that, its name). */
function componentOf(container: ContainerView, binary: string | undefined): Component | undefined {
  if (isComponent(binary)) return binary;
  return isComponent(container.name) ? container.name : undefined;
}

/**
 * Flags of every control-plane or node component container in a pod-running object (the static
 * pod manifests kubeadm writes to /etc/kubernetes/manifests, or the same pods read back from the
 * API server). Flags may be spread over `command` and `args`.
 */
export function componentFlags(object: KubeObject): ComponentFlags[] {
  const pod = object.pod;
  if (!pod) return [];
  const result: ComponentFlags[] = [];
  for (const container of pod.containers) {
    const { binary, words: all } = commandLine(container);
    const component = componentOf(container, binary);
    if (!component) continue;
    // etcd also reads ETCD_<FLAG> variables for the flags the command line leaves unset; listed
    // first, so a flag written on the command line, which wins, comes later.
    const flags: ComponentFlag[] = component === 'etcd' ? etcdEnvironmentFlags(container) : [];
    for (let index = 0; index < all.length; index += 1) {
      const current = all[index];
      if (!current || !current.word.startsWith('-')) continue;
      // etcd parses with Go's flag package, where -name and --name are the same flag. The kube-*
      // binaries use pflag, where a single dash starts one-letter shorthands, so `-name=x` is not
      // the flag `name`; and component-base's cli.Run normalizes `_` to `-` in flag names, so
      // `--anonymous_auth=true` sets anonymous-auth.
      if (component !== 'etcd' && !current.word.startsWith('--')) continue;
      const text = current.word.replace(/^--?/, '');
      const normalize = (name: string) => (component === 'etcd' ? name : name.replaceAll('_', '-'));
      const equals = text.indexOf('=');
      if (equals >= 0) {
        flags.push({ name: normalize(text.slice(0, equals)), value: text.slice(equals + 1), path: current.path });
        continue;
      }
      const next = all[index + 1];
      // pflag reads `--flag value` for non-boolean flags; the type is unknown here, so a following
      // word that is not itself a flag is taken as the value (kubeadm always writes `--flag=value`).
      if (next && !next.word.startsWith('-')) {
        flags.push({ name: normalize(text), value: next.word, path: current.path });
        index += 1;
      } else flags.push({ name: normalize(text), value: 'true', path: current.path });
    }
    const commandPath = [...container.path, Array.isArray(container.value.command) ? 'command' : 'args'];
    const get = (name: string): ComponentFlag | undefined => {
      const occurrences = flags.filter((flag) => flag.name === name);
      const last = occurrences.at(-1);
      if (!last || !ACCUMULATING_FLAGS.has(name) || occurrences.length === 1) return last;
      return { ...last, value: occurrences.map((flag) => flag.value).join(',') };
    };
    result.push({
      component,
      container,
      flags,
      commandPath,
      get,
      valued: (name) => {
        const flag = get(name);
        return flag && flag.value.split(',').some((item) => item.trim() !== '') ? flag : undefined;
      },
    });
  }
  return result;
}

/**
 * Flags that pflag reads as a string slice or a map: a repeated occurrence adds to the earlier
 * ones instead of replacing them, so `--enable-admission-plugins=A --enable-admission-plugins=B`
 * enables both. Every other flag keeps its last value, as Go's flag package does.
 */
const ACCUMULATING_FLAGS = new Set(['enable-admission-plugins', 'disable-admission-plugins', 'authorization-mode', 'etcd-servers', 'tls-cipher-suites', 'feature-gates', 'admission-control']);

/** A comma-separated flag value as a list (admission plugins, authorization modes). */
export function listValue(flag: ComponentFlag | undefined): string[] {
  return flag ? flag.value.split(',').map((item) => item.trim()).filter((item) => item !== '') : [];
}

const GO_BOOLEANS = new Map<string, boolean>([
  ['1', true], ['t', true], ['T', true], ['true', true], ['TRUE', true], ['True', true],
  ['0', false], ['f', false], ['F', false], ['false', false], ['FALSE', false], ['False', false],
]);

/**
 * A value as Go's strconv.ParseBool reads it, which is how the components' boolean flags (Go's
 * flag package and pflag) and feature gates read theirs; undefined for any other spelling.
 */
export function goBool(value: string): boolean | undefined {
  return GO_BOOLEANS.get(value);
}

/**
 * The value a `--feature-gates` flag gives one gate, or undefined when the flag does not name it.
 * Gates are read as component-base's map flag reads them: `Name=value` items, spaces trimmed, and
 * a later mention of a gate (in the same flag or a repeated one) overriding an earlier one.
 */
export function featureGate(flag: ComponentFlag | undefined, gate: string): boolean | undefined {
  let value: boolean | undefined;
  for (const item of listValue(flag)) {
    const equals = item.indexOf('=');
    if (equals < 0 || item.slice(0, equals).trim() !== gate) continue;
    const parsed = goBool(item.slice(equals + 1).trim());
    if (parsed !== undefined) value = parsed;
  }
  return value;
}
