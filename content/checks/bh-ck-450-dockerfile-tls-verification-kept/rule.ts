import { defineRule, expandWith, hitAt, rawKeyValues, renderParts, variablesBefore, type Dockerfile, type DockerfileInstruction } from '../../../src/rules/api.ts';

/**
 * Switches that turn TLS certificate verification off, as they appear in a RUN command. The
 * patterns search the whole command (a superset of Checkov's CKV2_DOCKER_2 … _16 regexes).
 */
const RUN_SWITCHES: { pattern: RegExp; what: string }[] = [
  { pattern: /curl[^|&;]*\s(--insecure|-[^-\s]*k)/, what: 'curl -k/--insecure skips certificate verification' },
  { pattern: /wget[^|&;]*\s--no-check-certificate/, what: 'wget --no-check-certificate skips certificate verification' },
  { pattern: /pip3?[^|&;]*\s--trusted-host/, what: 'pip --trusted-host accepts that host without a valid certificate' },
  { pattern: /(npm|yarn)\s+(c(onfig)?\s+)?set\s+["']?strict-ssl["']?(\s+|=)["']?false/, what: 'strict-ssl false makes npm or yarn accept any registry certificate' },
  { pattern: /git\s[^|&;]*http\.sslverify\s+["']?(false|0|no|off)/i, what: 'http.sslVerify false makes git accept any server certificate' },
  { pattern: /sslverify["']?\s*=\s*["']?(0|false|no|off)\b/i, what: 'sslverify off (git -c http.sslVerify=false, yum or dnf --setopt=sslverify=0, or a repository file) accepts any server certificate' },
];

/** Variables that turn verification off, whether set by ENV, ARG or inline in a RUN command. */
const VARIABLES: { pattern: RegExp; what: string }[] = [
  { pattern: /PYTHONHTTPSVERIFY(=|\s+)["']?0/, what: 'PYTHONHTTPSVERIFY=0 turns off certificate verification in Python' },
  { pattern: /NODE_TLS_REJECT_UNAUTHORIZED(=|\s+)["']?0/, what: 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate validation in Node.js' },
  { pattern: /npm_config_strict_ssl(=|\s+)["']?false/i, what: 'NPM_CONFIG_STRICT_SSL=false makes npm accept any registry certificate' },
  { pattern: /GIT_SSL_NO_VERIFY(=|\s+)\S/, what: 'GIT_SSL_NO_VERIFY (with any value) makes git skip certificate verification' },
  { pattern: /PIP_TRUSTED_HOST(=|\s+)\S/, what: 'PIP_TRUSTED_HOST makes pip accept those hosts without a valid certificate' },
];

function matches(instruction: DockerfileInstruction, text: string): string[] {
  const found = VARIABLES.filter(({ pattern }) => pattern.test(text)).map(({ what }) => what);
  if (instruction.keyword === 'RUN') found.push(...RUN_SWITCHES.filter(({ pattern }) => pattern.test(text)).map(({ what }) => what));
  return found;
}

/**
 * The instruction with the ARG and ENV values in scope substituted (dockerfile-scope.ts): what
 * BuildKit sets for ENV and ARG, and what the shell of a RUN sees when it expands `$NAME`, so
 * `ARG CURL_OPTS=--insecure` then `RUN curl $CURL_OPTS` is read as `curl --insecure`. Variables
 * the Dockerfile gives no value stay as written; undefined when nothing is substituted.
 */
function substituted(dockerfile: Dockerfile, instruction: DockerfileInstruction): string | undefined {
  if (!instruction.args.includes('$')) return undefined;
  const variables = variablesBefore(dockerfile, instruction);
  if (instruction.keyword === 'RUN') {
    const expanded = expandWith(dockerfile, instruction.args, variables);
    return expanded.error ? undefined : renderParts(expanded.parts);
  }
  return rawKeyValues(instruction, dockerfile.escape)
    .map(({ key, raw }) => (raw === undefined ? key : `${key}=${renderParts(expandWith(dockerfile, raw, variables).parts)}`))
    .join(' ');
}

function findings(dockerfile: Dockerfile, instruction: DockerfileInstruction): string[] {
  const written = matches(instruction, instruction.args);
  const text = substituted(dockerfile, instruction);
  const resolved = text === undefined ? [] : matches(instruction, text).filter((what) => !written.includes(what)).map((what) => `${what} (once its ARG and ENV variables are substituted)`);
  return [...written, ...resolved];
}

export default defineRule({
  dockerfile: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => ['RUN', 'ENV', 'ARG'].includes(instruction.keyword))
      .flatMap((instruction) => findings(dockerfile, instruction).map((what) => hitAt(instruction, `${instruction.keyword}: ${what}, so a network attacker can replace what the build downloads`))),
});
