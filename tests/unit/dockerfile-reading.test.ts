import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArtifact } from '../../src/artifacts/artifact.ts';
import { parseDockerfile } from '../../src/artifacts/dockerfile.ts';
import { validateContent } from '../../src/integrity/validate.ts';
import { loadAutomatedChecks, runChecks } from '../../src/rules/engine.ts';

/**
 * The Dockerfile reader follows BuildKit (moby/buildkit frontend/dockerfile/parser): each case
 * is a Dockerfile and what `bulkhead check` reports for it, the findings a user sees.
 */
const root = join(import.meta.dirname, '..', '..');
const { graph } = validateContent(root, { rules: [] });
const checks = await loadAutomatedChecks(graph, root);

/** [line, message] of the findings of one check on a Dockerfile. */
function findings(checkId: string, text: string): [number | undefined, string][] {
  const result = readArtifact('Dockerfile', text);
  if (result.status !== 'read') throw new Error(result.problems.map((problem) => problem.message).join('; '));
  const check = checks.filter((automated) => automated.check.data.id === checkId);
  expect(check, checkId).toHaveLength(1);
  return runChecks(result.artifact, check).map((finding) => [finding.line, finding.message]);
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('heredocs are only read where BuildKit reads them (RUN, COPY, ADD)', () => {
  it('a <<EOF in a LABEL or ENV value is literal text and hides nothing after it', () => {
    for (const keyword of ['LABEL note=<<EOF', 'ENV NOTE=<<EOF', 'LABEL note="see <<EOF"', 'EXPOSE 8080 <<EOF']) {
      expect(findings('BH-CK-010', lines('FROM scratch', keyword, 'USER root', 'EOF')), keyword).toEqual([[3, "the image's last USER is root, so containers start as root"]]);
    }
  });

  it('the body of a RUN, COPY, ADD or ONBUILD RUN heredoc is not read as instructions', () => {
    const heredocs = ['RUN <<EOF', 'RUN <<-EOF', "RUN <<'EOF'", 'RUN <<"EOF"', 'RUN << EOF', 'RUN 3<<EOF', 'COPY <<EOF /etc/motd', 'ADD <<EOF /etc/motd', 'ONBUILD RUN <<EOF', 'RUN --mount=type=cache,target=/c <<EOF'];
    for (const opener of heredocs) {
      expect(findings('BH-CK-010', lines('FROM scratch', 'USER 10001', opener, 'USER root', '\tEOF is not the end: only the exact line ends it', 'EOF')), opener).toEqual([]);
    }
  });

  it('<<- ends at a tab-indented delimiter and drops the tabs from the body', () => {
    const { instructions } = parseDockerfile(lines('FROM scratch', 'RUN <<-EOF', '\techo hi', '\tEOF', 'USER root'));
    expect(instructions.map((instruction) => instruction.keyword)).toEqual(['FROM', 'RUN', 'USER']);
    expect(instructions[1]?.heredocs).toEqual([{ name: 'EOF', content: 'echo hi\n', expand: true, line: 3 }]);
  });

  it('reads two heredocs of one instruction in order, and a quoted delimiter turns expansion off', () => {
    const { instructions } = parseDockerfile(lines('FROM scratch', "COPY <<A <<'B' /dest/", 'first', 'A', 'second $HOME', 'B', 'USER root'));
    expect(instructions[1]?.heredocs.map((heredoc) => [heredoc.name, heredoc.content, heredoc.expand])).toEqual([['A', 'first\n', true], ['B', 'second $HOME\n', false]]);
    expect(instructions[2]).toMatchObject({ keyword: 'USER', line: 7 });
  });

  it('the exec (JSON) form, a quoted "<<EOF" and cat<<EOF open no heredoc, as in BuildKit', () => {
    for (const run of ['RUN ["cat", "<<EOF"]', 'RUN echo "<<EOF"', "RUN echo '<<EOF'", 'RUN cat<<EOF']) {
      expect(findings('BH-CK-010', lines('FROM scratch', run, 'USER root', 'EOF')), run).toEqual([[3, "the image's last USER is root, so containers start as root"]]);
    }
  });
});

describe('USER resolves to UID 0 as the runtime reads it', () => {
  const rootUsers = ['00', '+0', '-0', '0:0', 'root:root', 'root:0', '0:10001', '"root"'];
  for (const user of rootUsers) {
    it(`USER ${user} is root`, () => {
      expect(findings('BH-CK-010', lines('FROM scratch', `USER ${user}`))).toEqual([[2, expect.stringMatching(/so containers start as root$/)]]);
    });
  }

  for (const user of ['10001', '10001:0', 'app', 'app:root', '0x0', 'rooted']) {
    it(`USER ${user} is not root`, () => {
      expect(findings('BH-CK-010', lines('FROM scratch', `USER ${user}`))).toEqual([]);
    });
  }

  const variables: [string, string[]][] = [
    ['ARG default', ['FROM scratch', 'ARG U=root', 'USER $U']],
    ['ENV', ['FROM scratch', 'ENV U=root', 'USER ${U}']],
    ['ENV, legacy form', ['FROM scratch', 'ENV U root', 'USER ${U}:${U}']],
    ['default of an unset-or-empty reference', ['FROM scratch', 'ARG U=', 'USER ${U:-root}']],
    ['ARG default built from another variable', ['FROM scratch', 'ENV BASE=0', 'ARG U=${BASE}0', 'USER $U']],
    ['global ARG re-declared in the stage', ['ARG U=root', 'FROM scratch', 'ARG U', 'USER $U']],
    ['variable of the stage this one is built from', ['FROM scratch AS base', 'ENV U=0', 'FROM base', 'USER $U']],
    ['later ENV overrides an earlier ARG', ['FROM scratch', 'ARG U=app', 'ENV U=root', 'USER $U']],
  ];
  for (const [label, dockerfile] of variables) {
    it(`USER with a variable that is root: ${label}`, () => {
      expect(findings('BH-CK-010', lines(...dockerfile))).toEqual([[dockerfile.length, expect.stringMatching(/^the image's last USER is \S+ \((root|0+)\), so containers start as root$/)]]);
    });
  }

  it('USER with variables that are not root', () => {
    expect(findings('BH-CK-010', lines('FROM scratch', 'ARG U=app', 'USER $U'))).toEqual([]);
    expect(findings('BH-CK-010', lines('FROM scratch', 'ENV U=root', 'ENV U=app', 'USER ${U}:0'))).toEqual([]);
    expect(findings('BH-CK-010', lines('FROM scratch', 'ARG U=app', 'USER ${U:-root}'))).toEqual([]);
    // An escaped $ is a literal user name, not a reference.
    expect(findings('BH-CK-010', lines('FROM scratch', 'ENV U=root', 'USER \\$U'))).toEqual([]);
  });

  it('a variable the Dockerfile gives no value is reported, and the message says why', () => {
    const unresolved = [
      ['FROM scratch', 'ARG U', 'USER $U'],
      // A global ARG is not visible in a stage that does not re-declare it.
      ['ARG U=app', 'FROM scratch', 'USER $U'],
      ['FROM scratch', 'USER ${APP_USER:-app}'],
      ['FROM scratch', 'ARG U', 'ENV V=$U', 'USER $V:0'],
    ];
    for (const dockerfile of unresolved) {
      const [finding] = findings('BH-CK-010', lines(...dockerfile));
      expect(finding?.[0], dockerfile.join(' / ')).toBe(dockerfile.length);
      expect(finding?.[1]).toMatch(/^the image's last USER is \S+, and this Dockerfile gives (U|V|APP_USER) no value \(an ARG without default, or a value left to --build-arg or the base image\), so the user may be root; give it a non-root default/);
    }
  });

  it('a USER that does not lex (substitutions nested 100,000 deep) is reported, not a crash', () => {
    const deep = `\${U:-${'${U:-'.repeat(100_000)}root${'}'.repeat(100_001)}`;
    expect(findings('BH-CK-010', lines('FROM scratch', `RUN <<${deep}`, `USER ${deep}`))).toEqual([[3, expect.stringMatching(/so the user may be root;/)]]);
  });

  it('only the user part matters: an unknown group does not make a known user unknown', () => {
    expect(findings('BH-CK-010', lines('FROM scratch', 'ARG G', 'USER app:$G'))).toEqual([]);
    expect(findings('BH-CK-010', lines('FROM scratch', 'ARG G', 'USER 0:$G'))).toEqual([[3, expect.stringMatching(/so containers start as root$/)]]);
  });
});

describe('parser directives exactly as BuildKit reads them', () => {
  /** With a backtick escape in force, a line ending in \ does not continue and USER root counts. */
  const probe = (...top: string[]) => findings('BH-CK-010', lines(...top, 'FROM scratch', 'USER 10001', 'RUN echo \\', 'USER root'));
  const rootAt = (line: number) => [[line, "the image's last USER is root, so containers start as root"]];

  it('# escape= at the top sets the escape character, in any case, with or without spaces', () => {
    for (const directive of ['# escape=`', '#escape=`', '# ESCAPE = `', '#\tEscape=`   ']) expect(probe(directive), directive).toEqual(rootAt(5));
  });

  it('a UTF-8 byte-order mark before the directive is stripped', () => {
    expect(probe('\uFEFF# escape=`')).toEqual(rootAt(5));
    expect(parseDockerfile('\uFEFFFROM scratch\n').instructions[0]).toMatchObject({ keyword: 'FROM', line: 1, column: 1 });
  });

  it('directives may follow one another: # syntax then # escape, # check then # escape', () => {
    expect(probe('# syntax=docker/dockerfile:1', '# escape=`')).toEqual(rootAt(6));
    expect(probe('# check=skip=all', '# escape=`')).toEqual(rootAt(6));
    expect(parseDockerfile(lines('# syntax=docker/dockerfile:1', '# Check = skip=all', '# escape=`', 'FROM scratch')).directives).toEqual({ syntax: 'docker/dockerfile:1', check: 'skip=all', escape: '`' });
  });

  it('after a blank line, a comment, an instruction or an unknown directive, # escape= is only a comment', () => {
    for (const before of [[''], ['# a comment'], ['#'], ['# foo=bar'], ['ARG X=1']]) {
      expect(probe(...before, '# escape=`'), JSON.stringify(before)).toEqual([]);
    }
  });

  it('an unknown directive after # escape= leaves the escape in force (BuildKit stops reading there)', () => {
    expect(probe('# escape=`', '# foo=bar')).toEqual(rootAt(6));
    expect(parseDockerfile(lines('# escape=`', '# foo=bar', '# syntax=x', 'FROM scratch')).directives).toEqual({ escape: '`' });
  });

  it('an escape other than \\ or ` is ignored', () => {
    expect(probe('# escape=x')).toEqual([]);
  });

  it('continuation lines join as BuildKit joins them; comments and blank lines inside are dropped', () => {
    const { instructions } = parseDockerfile(lines('FROM scratch', 'RUN echo hello  \\', '# a comment', '', '  world \\', 'done', 'US\\', 'ER root'));
    expect(instructions.map((instruction) => [instruction.keyword, instruction.args, instruction.line])).toEqual([['FROM', 'scratch', 1], ['RUN', 'echo hello    world done', 2], ['USER', 'root', 7]]);
    // An escaped escape character at the end does not continue the line.
    expect(parseDockerfile(lines('FROM scratch', 'RUN echo \\\\', 'USER root')).instructions.map((instruction) => instruction.keyword)).toEqual(['FROM', 'RUN', 'USER']);
  });

  it('reads CRLF files like LF files', () => {
    expect(findings('BH-CK-010', 'FROM scratch\r\nRUN echo \\\r\n  hi\r\nUSER root\r\n')).toEqual(rootAt(4));
  });
});

describe('the reader is linear: large inputs are read in bounded time', () => {
  // CPU time of this process, so that other work on a shared machine does not count; a
  // quadratic reader takes minutes on these inputs (an 800 KB continuation took 46 s).
  const dockerfileRules = checks.filter((automated) => /^BH-CK-01[0-4]$/.test(automated.check.data.id));
  const cpuMilliseconds = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  const large: [string, string][] = [
    ['continuation lines', `FROM scratch\nRUN ${'x \\\n'.repeat(512 * 1024)}y\n`],
    ['comments inside a continuation', `FROM scratch\nRUN x \\\n${'# c\n'.repeat(512 * 1024)}y\n`],
    ['a heredoc body', `FROM scratch\nRUN <<EOF\n${'echo x\n'.repeat(300 * 1024)}EOF\n`],
    ['heredoc markers on one line', `FROM scratch\nRUN ${'<<A '.repeat(512 * 1024)}\n`],
    ['flags on one line', `FROM scratch\nRUN ${'--a=b '.repeat(350 * 1024)}x\n`],
    ['key=value pairs on one line', `FROM scratch\nENV ${'a="b c" '.repeat(256 * 1024)}\n`],
    ['instructions', `FROM scratch\n${'RUN x\n'.repeat(350 * 1024)}`],
    ['spaces after a directive', `# escape=${' '.repeat(2 * 1024 * 1024)}x\nFROM scratch\n`],
  ];
  for (const [label, text] of large) {
    it(`2 MB of ${label} are read and checked in under 2 s`, () => {
      expect(text.length).toBeGreaterThanOrEqual(2 * 1000 * 1000);
      const started = process.cpuUsage();
      const result = readArtifact('Dockerfile', text);
      if (result.status === 'read') runChecks(result.artifact, dockerfileRules);
      expect(result.status).toBe('read');
      expect(cpuMilliseconds(started)).toBeLessThan(2000);
    });
  }
});

describe('BH-CK-011: any digest pins the image', () => {
  const hex = (length: number) => 'a1'.repeat(length / 2);
  it('@sha512 and the other digests a runtime validates are pinned', () => {
    for (const digest of [`sha256:${hex(64)}`, `sha512:${hex(128)}`, `sha384:${hex(96)}`, `blake3:${hex(64)}`]) {
      expect(findings('BH-CK-011', lines(`FROM registry.example.com/app:1.2@${digest}`)), digest).toEqual([]);
    }
  });

  it('a digest too short to be one, in upper-case hex (go-digest refuses both), or a tag alone, is not', () => {
    expect(findings('BH-CK-011', lines('FROM app:1.2@sha512:abc'))).toHaveLength(1);
    expect(findings('BH-CK-011', lines(`FROM app:1.2@sha256:${hex(64).toUpperCase()}`))).toHaveLength(1);
    expect(findings('BH-CK-011', lines('FROM app:1.2'))).toEqual([[1, 'FROM app:1.2 has a tag but no digest, and tags can be moved; pin it as image:tag@sha256:<digest>']]);
  });

  it('a digest given through a global ARG default counts', () => {
    expect(findings('BH-CK-011', lines(`ARG BASE=app:1.2@sha512:${hex(128)}`, 'FROM ${BASE}'))).toEqual([]);
  });
});
