/**
 * No placeholder text where users copy from: the README, CONTRIBUTING.md, the guides
 * (src/content/docs), the GitHub Action and the pre-commit hooks. `git clone <bulkhead
 * repository>` in a guide sent every new user back to guess. Allowed: URL and path patterns that
 * name their parts in running text (`/ref/<scanner>/<rule-id>/`), and real command output in code
 * (`<none>`). Flagged: an angle-bracket phrase with a space or a word that stands for something
 * the reader must fill in, any angle-bracket word inside a code block, and TODO/TBD/FIXME/XXX.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPlaceholders, findPlaceholdersInHtml } from '../placeholders.ts';

const root = join(import.meta.dirname, '..', '..');

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(md|mdx)$/.test(name) ? [path] : [];
  });
}

export const PLACEHOLDER_SOURCES = [join(root, 'README.md'), join(root, 'CONTRIBUTING.md'), join(root, 'action.yml'), join(root, '.pre-commit-hooks.yaml'), ...filesUnder(join(root, 'src', 'content', 'docs'))];

describe('no placeholder text in the README, CONTRIBUTING.md, the guides, the action and the hooks', () => {
  it('finds what it must find (the check itself)', () => {
    const sample = ['git clone <bulkhead repository> && cd bulkhead', 'see `/ref/<scanner>/<rule-id>/`', '```sh', 'docker pull <image>', 'REPOSITORY <none>', '```', 'uses: owner/repo@<version>', 'TODO: write this', '<AutomatedChecks />'].join('\n');
    expect(findPlaceholders('sample.md', sample).map((item) => [item.line, item.text])).toEqual([[1, '<bulkhead repository>'], [4, '<image>'], [7, '<version>'], [8, 'TODO']]);
  });

  it('has none', () => {
    expect(PLACEHOLDER_SOURCES.length).toBeGreaterThan(4);
    const found = PLACEHOLDER_SOURCES.flatMap((file) => findPlaceholders(relative(root, file), readFileSync(file, 'utf8')));
    expect(found.map((item) => `${item.file}:${item.line}: ${item.text}`)).toEqual([]);
  });
});

describe('no placeholder text in a built page (the check run over dist/ by tests/e2e/site/placeholders.spec.ts)', () => {
  const page = (body: string) => `<!doctype html><html><head><title>BH-R-001 Privileged containers · Bulkhead</title><script>const a = '<your org>';</script></head><body>${body}</body></html>`;

  it('finds a planted placeholder in prose, in inline code and in a coloured code block, and a TODO', () => {
    const html = page([
      '<p>Clone &lt;bulkhead repository&gt; first.</p>',
      '<p>Then run <code>gh repo fork &lt;your org&gt;</code>.</p>',
      '<pre><code><span class="line"><span>helm install kb --version </span><span>&lt;</span><span>version</span><span>&gt;</span></span></code></pre>',
      '<p>TODO: explain this</p>',
    ].join(''));
    expect(findPlaceholdersInHtml('risks/bh-r-001/index.html', html).map((item) => item.text)).toEqual(['<bulkhead repository>', '<your org>', '<version>', 'TODO']);
  });

  it('allows command syntax in code, real output, path patterns in running text and what no reader sees', () => {
    const html = page([
      '<p>Scanner pages live at <code>/ref/&lt;scanner&gt;/&lt;rule-id&gt;/</code>.</p>',
      '<pre><code><span>nsenter -t </span><span>&lt;pid&gt;</span><span> -m</span>\n<span>docker inspect &lt;container&gt;</span>\n<span>REPOSITORY   &lt;none&gt;</span></code></pre>',
      '<p>The field prints <code>&lt;no value&gt;</code> when unset.</p>',
      '<svg><text>&lt;your org&gt;</text></svg><!-- <your org> -->',
      '<div data-upstream-text><p><strong>Scanner\'s remediation:</strong> docker run --cap-add=&lt;Capability 1&gt; &lt;Container Image Name or ID&gt;</p></div>',
    ].join(''));
    expect(findPlaceholdersInHtml('concepts/bh-co-044/index.html', html)).toEqual([]);
  });

  it('reads on after a scanner quote: only the quote is left out', () => {
    const html = page('<div data-upstream-text><p>sudo gpasswd -d &lt;your-user&gt; docker</p></div><p>Ask &lt;your admin&gt;.</p>');
    expect(findPlaceholdersInHtml('ref/docker-bench/1.1.2/index.html', html).map((item) => item.text)).toEqual(['<your admin>']);
  });

  it('reads the page title, which the browser shows', () => {
    expect(findPlaceholdersInHtml('x.html', '<html><head><title>&lt;your title&gt; · Bulkhead</title></head><body></body></html>').map((item) => item.text)).toEqual(['<your title>']);
  });
});
