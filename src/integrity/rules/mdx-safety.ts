import type { IntegrityRule, ProblemDraft } from '../rule.ts';

/** The only module content may import: the documented components in src/components/content. */
export const ALLOWED_MDX_IMPORTS = ['@/components/content'] as const;

const IMPORT_LINE = /^\s*import\s[^;]*?from\s+['"]([^'"]+)['"]/;
const BARE_IMPORT = /^\s*import\s+['"]([^'"]+)['"]/;
const EXPORT_LINE = /^\s*export\s/;
const SCRIPT_TAG = /<\s*script\b/i;
const INLINE_HANDLER = /<[A-Za-z][^>]*\son[a-z]+\s*=/;

/**
 * Content comes from pull requests by people we do not know: it may not load code or tracking.
 * MDX can import modules and embed raw HTML, so both are restricted here, before the build runs.
 */
export const mdxSafety: IntegrityRule = {
  name: 'mdx-safety',
  description: `MDX bodies import only from ${ALLOWED_MDX_IMPORTS.join(', ')}, export nothing, and contain no <script> tags or inline event handlers.`,
  run(context) {
    const problems: ProblemDraft[] = [];
    for (const entry of context.entries) {
      if (entry.kind === 'sources') continue;
      let inFence = false;
      entry.body.split('\n').forEach((text, index) => {
        if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
        if (inFence) return;
        const line = entry.bodyLine + index;
        const specifier = IMPORT_LINE.exec(text)?.[1] ?? BARE_IMPORT.exec(text)?.[1];
        if (specifier !== undefined && !(ALLOWED_MDX_IMPORTS as readonly string[]).includes(specifier)) {
          problems.push({ file: entry.file, field: '(body)', value: specifier, line, message: `import from ${JSON.stringify(specifier)} is not allowed in content`, suggestion: `import components from "${ALLOWED_MDX_IMPORTS[0]}" only (see CONTRIBUTING.md)` });
        }
        if (EXPORT_LINE.test(text)) problems.push({ file: entry.file, field: '(body)', value: text.trim(), line, message: 'content may not export values', suggestion: 'put data in the frontmatter' });
        if (SCRIPT_TAG.test(text)) problems.push({ file: entry.file, field: '(body)', value: '<script>', line, message: 'raw <script> is not allowed in content', suggestion: 'content cannot add JavaScript; describe the behaviour instead' });
        if (INLINE_HANDLER.test(text)) problems.push({ file: entry.file, field: '(body)', value: text.trim().slice(0, 60), line, message: 'inline event handlers are not allowed in content' });
      });
    }
    return problems;
  },
};
