/**
 * A Dockerfile/Containerfile reader that keeps line numbers: enough of the BuildKit grammar
 * (escape directive, comments, line continuations, heredocs, flags, multi-stage builds) for
 * rules to reason about instructions, without executing anything.
 */

export interface DockerfileInstruction {
  /** Upper-case keyword: FROM, RUN, USER, … */
  keyword: string;
  /** Everything after the keyword and its flags, continuations joined with a space. */
  args: string;
  /** `--platform=…`, `--chown=…`, `--checksum=…`: flag name to value ("" when given without one). */
  flags: Record<string, string>;
  line: number;
  column: number;
  /** 0-based build stage the instruction belongs to (-1 for ARGs before the first FROM). */
  stage: number;
}

export interface DockerfileStage {
  index: number;
  /** The image reference after FROM, as written (may contain ${ARG} references). */
  image: string;
  /** The name given with `AS name`, lower-case as BuildKit compares it. */
  alias?: string;
  from: DockerfileInstruction;
}

export interface Dockerfile {
  instructions: DockerfileInstruction[];
  stages: DockerfileStage[];
}

const DIRECTIVE = /^#\s*(\w+)\s*=\s*(\S+)\s*$/;
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][\w-]*)\2/g;

function splitFlags(rest: string): { flags: Record<string, string>; args: string } {
  const flags: Record<string, string> = {};
  let args = rest;
  for (;;) {
    const match = /^--([\w-]+)(?:=(\S*))?\s*/.exec(args);
    if (!match) break;
    flags[match[1] ?? ''] = match[2] ?? '';
    args = args.slice(match[0].length);
  }
  return { flags, args: args.trim() };
}

export function parseDockerfile(text: string): Dockerfile {
  const lines = text.split(/\r?\n/);
  let escape = '\\';
  let index = 0;
  // Parser directives are only recognised in the comment lines at the very top of the file.
  for (; index < lines.length; index++) {
    const match = DIRECTIVE.exec(lines[index] ?? '');
    if (!match) break;
    if (match[1]?.toLowerCase() === 'escape' && (match[2] === '`' || match[2] === '\\')) escape = match[2];
  }
  index = 0;
  const instructions: DockerfileInstruction[] = [];
  const stages: DockerfileStage[] = [];
  while (index < lines.length) {
    const raw = lines[index] ?? '';
    const trimmed = raw.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) {
      index++;
      continue;
    }
    const line = index + 1;
    const column = raw.length - trimmed.length + 1;
    let logical = trimmed;
    // A line ending in the escape character continues; comment and blank lines inside are dropped.
    while (logical.trimEnd().endsWith(escape) && index + 1 < lines.length) {
      logical = logical.trimEnd().slice(0, -1);
      index++;
      const next = lines[index] ?? '';
      if (next.trimStart().startsWith('#') || next.trim() === '') continue;
      logical += ` ${next.trim()}`;
    }
    index++;
    const heredocs = [...logical.matchAll(HEREDOC)].map((match) => match[3] ?? '');
    for (const delimiter of heredocs) {
      while (index < lines.length && (lines[index] ?? '').trim() !== delimiter) index++;
      index++;
    }
    const keywordMatch = /^(\S+)\s*(.*)$/s.exec(logical.trim());
    const keyword = (keywordMatch?.[1] ?? '').toUpperCase();
    const { flags, args } = splitFlags(keywordMatch?.[2] ?? '');
    const instruction: DockerfileInstruction = { keyword, args, flags, line, column, stage: stages.length - 1 };
    if (keyword === 'FROM') {
      const [image = '', as, alias] = args.split(/\s+/);
      instruction.stage = stages.length;
      stages.push({ index: stages.length, image, alias: as?.toLowerCase() === 'as' && alias ? alias.toLowerCase() : undefined, from: instruction });
    }
    instructions.push(instruction);
  }
  return { instructions, stages };
}

/**
 * The key=value pairs of ENV, ARG and LABEL, including the legacy `ENV key value` form.
 * Quotes around values are removed.
 */
export function keyValues(instruction: DockerfileInstruction): { key: string; value: string | undefined }[] {
  const unquote = (text: string) => text.replace(/^(["'])(.*)\1$/s, '$2');
  const args = instruction.args;
  if (instruction.keyword === 'ENV' && !/^[^\s=]+=/.test(args)) {
    const [key = '', ...rest] = args.split(/\s+/);
    return [{ key, value: unquote(rest.join(' ')) }];
  }
  const pairs: { key: string; value: string | undefined }[] = [];
  for (const match of args.matchAll(/([^\s=]+)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|\S*))?/g)) {
    pairs.push({ key: match[1] ?? '', value: match[2] === undefined ? undefined : unquote(match[2]) });
  }
  return pairs;
}
