import { defineRule, expandWith, hitAt, renderParts, variablesBefore, type Dockerfile, type DockerfileInstruction } from '../../../src/rules/api.ts';
import { isGoSpaceCode } from '../../../src/artifacts/dockerfile-words.ts';

/** strconv.ParseInt(text, 10, 0) within 0-65535 (parsePortNumber): an optional sign, then decimal digits. */
function portNumber(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 0 && port <= 65535 ? port : undefined;
}

/**
 * True when one EXPOSE port spec covers TCP port 22, read as BuildKit's parsePort does
 * (frontend/dockerfile/dockerfile2llb/convert_expose.go): `[ip:][hostPort:]containerPort[/proto]`,
 * the protocol case-insensitive and TCP when absent, the container port a number or a range.
 */
function coversSsh(spec: string): boolean {
  const containerPort = spec.split(':').at(-1) ?? '';
  const slash = containerPort.indexOf('/');
  const port = slash >= 0 ? containerPort.slice(0, slash) : containerPort;
  const proto = slash >= 0 ? containerPort.slice(slash + 1).toLowerCase() : '';
  if (proto !== '' && proto !== 'tcp') return false;
  const dash = port.indexOf('-');
  const start = dash >= 0 ? port.slice(0, dash) : port;
  const end = dash >= 0 ? port.slice(dash + 1) : port;
  const low = portNumber(start);
  const high = start === end ? low : portNumber(end);
  return low !== undefined && high !== undefined && low <= 22 && 22 <= high;
}

/** Splits text on Go's unicode.IsSpace, as ProcessWords splits an expanded variable. */
function goFields(text: string): string[] {
  const fields: string[] = [];
  let field: string[] = [];
  for (const ch of text) {
    if (isGoSpaceCode(ch.codePointAt(0) ?? 0)) {
      if (field.length > 0) fields.push(field.join(''));
      field = [];
    } else field.push(ch);
  }
  if (field.length > 0) fields.push(field.join(''));
  return fields;
}

/**
 * The port specs of an EXPOSE as `docker build` reads them: the arguments split on whitespace
 * (parseStringsWhitespaceDelimited), each word expanded with the ARG and ENV values in scope of
 * the stage (dispatchExpose runs ProcessWords), a variable's value split again on whitespace.
 * A word whose variables the Dockerfile gives no value stays unresolved and is left out.
 */
function exposedSpecs(dockerfile: Dockerfile, instruction: DockerfileInstruction): { word: string; specs: string[] }[] {
  const words = instruction.args.split(/[\t\v\f\r ]+/).filter((word) => word !== '');
  const variables = words.some((word) => /['"$]/.test(word) || word.includes(dockerfile.escape)) ? variablesBefore(dockerfile, instruction) : new Map<string, string>();
  return words.map((word) => {
    const expanded = expandWith(dockerfile, word, variables);
    if (expanded.error || expanded.parts.some((part) => typeof part !== 'string')) return { word, specs: [] };
    return { word, specs: goFields(renderParts(expanded.parts)) };
  });
}

export default defineRule({
  dockerfile: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => instruction.keyword === 'EXPOSE')
      .flatMap((instruction) => {
        const ssh = exposedSpecs(dockerfile, instruction).filter(({ specs }) => specs.some(coversSsh));
        if (ssh.length === 0) return [];
        const resolved = ssh.filter(({ word, specs }) => specs.join(' ') !== word).map(({ word, specs }) => `${word} is ${specs.join(' ')}`);
        const shown = resolved.length > 0 ? `${instruction.args} (${resolved.join(', ')} with the ARG and ENV defaults in scope)` : instruction.args;
        return [hitAt(instruction, `EXPOSE ${shown} publishes port 22: the image appears to run an SSH daemon; use docker exec or kubectl exec instead`)];
      }),
});
