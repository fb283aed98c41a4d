import { defineRule, expandWith, hitAt, renderParts, variablesBefore, type Dockerfile, type DockerfileInstruction } from '../../../src/rules/api.ts';

/**
 * Options that install packages without verifying their signature or digest. Each pattern
 * searches the whole RUN command (a superset of Checkov's CKV2_DOCKER_7 … _11 regexes).
 */
const SWITCHES: { pattern: RegExp; what: string }[] = [
  { pattern: /apt(-get)?[^|&;]*\s--allow-unauthenticated/, what: 'apt --allow-unauthenticated installs packages that cannot be authenticated' },
  { pattern: /apt(-get)?[^|&;]*\s--force-yes/, what: 'apt-get --force-yes (deprecated) also installs unauthenticated packages and allows downgrades' },
  { pattern: /apt(-get)?[^|&;]*\s--allow-insecure-repositories/, what: 'apt --allow-insecure-repositories accepts repositories without a valid signature' },
  { pattern: /\[[^\]]*trusted=yes[^\]]*\]/, what: 'a sources line marked [trusted=yes] makes apt trust that repository without a signature' },
  { pattern: /apk[^|&;]*\s--allow-untrusted/, what: 'apk --allow-untrusted installs packages with missing or unknown signatures' },
  { pattern: /(t?dnf|yum|microdnf)[^|&;]*\s--nogpgcheck/, what: '--nogpgcheck makes dnf or yum skip package signature checks' },
  { pattern: /gpgcheck\s*=\s*0/, what: 'gpgcheck=0 makes dnf or yum skip signature checks for that repository' },
  { pattern: /rpm[^|&;]*\s--no(digest|signature|verify|filedigest)/, what: 'rpm --nodigest/--nosignature/--noverify/--nofiledigest skips package verification' },
];

/**
 * The RUN command as its shell sees it after `$NAME` expansion with the ARG and ENV values in
 * scope (dockerfile-scope.ts), so `ARG APT_OPTS=--allow-unauthenticated` then
 * `RUN apt-get install $APT_OPTS curl` is read as the option it is. Variables the Dockerfile gives
 * no value stay as written; undefined when nothing is substituted.
 */
function substituted(dockerfile: Dockerfile, instruction: DockerfileInstruction): string | undefined {
  if (!instruction.args.includes('$')) return undefined;
  const expanded = expandWith(dockerfile, instruction.args, variablesBefore(dockerfile, instruction));
  return expanded.error ? undefined : renderParts(expanded.parts);
}

function findings(dockerfile: Dockerfile, instruction: DockerfileInstruction): string[] {
  const written = SWITCHES.filter(({ pattern }) => pattern.test(instruction.args)).map(({ what }) => what);
  const text = substituted(dockerfile, instruction);
  if (text === undefined) return written;
  const resolved = SWITCHES.filter(({ pattern, what }) => !written.includes(what) && pattern.test(text)).map(({ what }) => `${what} (once its ARG and ENV variables are substituted)`);
  return [...written, ...resolved];
}

export default defineRule({
  dockerfile: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => instruction.keyword === 'RUN')
      .flatMap((instruction) => findings(dockerfile, instruction).map((what) => hitAt(instruction, `${what}, so a tampered package would be installed without complaint`))),
});
