import { defineRule, hitAt, type DockerfileInstruction } from '../../../src/rules/api.ts';

/**
 * The script a RUN executes: the shell form with its heredoc bodies, or the exec form's words
 * (`["apk", "add", "curl"]` runs apk directly; `["sh", "-c", "…"]` runs the script).
 */
function script(instruction: DockerfileInstruction): string {
  const args = instruction.args.trim();
  if (args.startsWith('[')) {
    let words: unknown;
    try {
      words = JSON.parse(args);
    } catch {
      words = undefined;
    }
    if (Array.isArray(words) && words.every((word) => typeof word === 'string')) {
      const [program = '', flag, body] = words as string[];
      if (/(^|\/)(sh|bash|ash|dash|zsh)$/.test(program) && flag === '-c' && body !== undefined) return body;
      return (words as string[]).join(' ');
    }
  }
  return [instruction.args, ...instruction.heredocs.map((heredoc) => heredoc.content)].join('\n');
}

/** The simple commands of a script, in order, as words (split at &&, ||, ;, |, newlines and subshell parentheses). */
function commands(text: string): string[][] {
  return text
    .split(/&&|\|\||[;|\n()]/)
    .map((command) => command.trim().split(/\s+/).map((word) => word.replace(/^['"]|['"]$/g, '')).filter(Boolean));
}

/** Options of each package manager that take the next word as their value, so it is not read as the sub-command. */
const VALUE_OPTIONS: Record<string, ReadonlySet<string>> = {
  apt: new Set(['-o', '-c', '-t', '--option', '--config-file', '--target-release']),
  apk: new Set(['-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file']),
  yum: new Set(['-c', '-d', '-e', '-R', '--config', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '-x', '--exclude']),
  zypper: new Set(['-c', '-D', '-C', '-R', '--config', '--reposd-dir', '--cache-dir', '--root', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir']),
};
const MANAGERS: Record<string, { family: string; name: string }> = {
  'apt-get': { family: 'apt', name: 'apt-get' },
  apt: { family: 'apt', name: 'apt' },
  apk: { family: 'apk', name: 'apk' },
  yum: { family: 'yum', name: 'yum' },
  dnf: { family: 'yum', name: 'dnf' },
  microdnf: { family: 'yum', name: 'microdnf' },
  zypper: { family: 'zypper', name: 'zypper' },
};
/** Sub-commands that download packages (and so fill the cache, or pull in recommended packages). */
const INSTALLS: Record<string, ReadonlySet<string>> = {
  apt: new Set(['install']),
  apk: new Set(['add']),
  yum: new Set(['install', 'in', 'reinstall', 'rei', 'install-n', 'install-na', 'install-nevra', 'groupinstall', 'localinstall', 'update', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'downgrade', 'distro-sync']),
  zypper: new Set(['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup']),
};

interface Step {
  manager: string;
  family: string;
  verb: string;
  words: string[];
}

/** The package-manager command a simple command runs, if any: the manager, its sub-command and its words. */
function step(words: string[]): Step | undefined {
  const index = words.findIndex((word) => (word.split('/').pop() ?? '') in MANAGERS);
  if (index === -1) return undefined;
  const manager = MANAGERS[words[index]?.split('/').pop() ?? ''];
  if (!manager) return undefined;
  const options = VALUE_OPTIONS[manager.family] ?? new Set<string>();
  for (let position = index + 1; position < words.length; position += 1) {
    const word = words[position] ?? '';
    if (word.startsWith('-')) {
      if (options.has(word)) position += 1;
      continue;
    }
    return { manager: manager.name, family: manager.family, verb: word, words: words.slice(index + 1) };
  }
  return undefined;
}

/** Where each family keeps its cache: removing it, or mounting a cache or tmpfs there, keeps it out of the layer. */
const CACHE_DIRS: Record<string, RegExp> = {
  apk: /^\/var\/cache\/apk(\/|$)/,
  yum: /^\/var\/cache\/(yum|dnf|libdnf5)(\/|$)/,
  zypper: /^\/var\/cache\/zypp(\/|$)/,
};

/** `-o APT::Install-Recommends=false` does what --no-install-recommends does. */
function skipsRecommends(words: string[]): boolean {
  if (words.includes('--no-install-recommends')) return true;
  return words.some((word, index) => {
    const option = word === '-o' || word === '--option' ? words[index + 1] ?? '' : word.replace(/^(-o|--option=)/, '');
    return /^APT::Install-Recommends=(false|0|no|off)$/i.test(option);
  });
}

function isClean(later: string[], install: Step): boolean {
  const found = step(later);
  if (found && found.manager === install.manager) {
    if (install.family === 'zypper') return found.verb === 'clean' || found.verb === 'cc';
    return found.verb === 'clean' && found.words.includes('all');
  }
  const cache = CACHE_DIRS[install.family];
  return cache !== undefined && (later[0]?.split('/').pop() ?? '') === 'rm' && later.slice(1).some((word) => cache.test(word));
}

/** What is wrong with each install of one RUN (once per message). */
function problems(commandWords: string[][], mounts: string[]): string[] {
  const found = new Set<string>();
  const mounted = (family: string) =>
    mounts.some((mount) => {
      const fields = new Map(mount.split(',').map((field) => [field.split('=')[0] ?? '', field.slice(field.indexOf('=') + 1)] as const));
      const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination') ?? '';
      return ['cache', 'tmpfs'].includes(fields.get('type') ?? '') && CACHE_DIRS[family]?.test(target) === true;
    });
  for (const [position, words] of commandWords.entries()) {
    const current = step(words);
    if (!current || !INSTALLS[current.family]?.has(current.verb)) continue;
    if (current.family === 'apt' && !skipsRecommends(current.words)) found.add(`${current.manager} install without --no-install-recommends also installs recommended packages`);
    if (current.family === 'apk' && !current.words.includes('--no-cache') && !mounted('apk') && !commandWords.slice(position + 1).some((later) => isClean(later, current)))
      found.add('apk add without --no-cache leaves the package index in the layer');
    if ((current.family === 'yum' || current.family === 'zypper') && !mounted(current.family) && !commandWords.slice(position + 1).some((later) => isClean(later, current))) {
      const clean = current.family === 'zypper' ? 'zypper clean' : `${current.manager} clean all`;
      found.add(`${current.manager} ${current.verb} without a later ${clean} in the same RUN leaves the cache in the layer`);
    }
  }
  return [...found];
}

/** A RUN, or the RUN an ONBUILD adds to every build that starts FROM this image, with its --mount values. */
function runOf(instruction: DockerfileInstruction): { instruction: DockerfileInstruction; mounts: string[] } | undefined {
  if (instruction.keyword === 'RUN') return { instruction, mounts: instruction.flags.mount === undefined ? [] : [instruction.flags.mount] };
  const trigger = instruction.keyword === 'ONBUILD' ? /^RUN\s+((?:--\S+\s+)*)([\s\S]*)$/i.exec(instruction.args.trim()) : null;
  if (!trigger) return undefined;
  const mounts = (trigger[1] ?? '').split(/\s+/).filter((flag) => flag.startsWith('--mount=')).map((flag) => flag.slice('--mount='.length));
  return { instruction: { ...instruction, args: trigger[2] ?? '' }, mounts };
}

export default defineRule({
  dockerfile: (dockerfile) =>
    dockerfile.instructions.flatMap((instruction) => {
      const run = runOf(instruction);
      if (!run) return [];
      return problems(commands(script(run.instruction)), run.mounts).map((what) => hitAt(instruction, what));
    }),
});
