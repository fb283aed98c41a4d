import { MDX_CONSTRUCT_SUGGESTION, MDX_ESCAPE_HINT, MdxSyntaxError, mdxConstructs, UNSAFE_LINK_SUGGESTION } from '../../loader/mdx-constructs.ts';
import type { IntegrityRule, ProblemDraft } from '../rule.ts';

/**
 * Content comes from pull requests by people we do not know, and every body is rendered to HTML
 * when content loads: it may not load code, embed markup that runs, or compute anything. MDX's
 * own constructs (imports, exports, JSX, {expressions}) are therefore refused here, where every
 * problem of a run is listed at once, rather than by the renderer, which can only stop at the first.
 */
export const mdxBody: IntegrityRule = {
  name: 'mdx-body',
  description: 'MDX bodies are valid MDX and plain Markdown: no imports, exports, JSX elements (including <script>) or {expressions}, and links only to http, https, mailto or relative URLs.',
  run(context) {
    const problems: ProblemDraft[] = [];
    for (const entry of context.entries) {
      if (entry.kind === 'sources') continue;
      try {
        for (const construct of mdxConstructs(entry.body)) {
          const line = entry.bodyLine + construct.line - 1;
          if (construct.kind === 'unsafe link') problems.push({ file: entry.file, field: '(body)', value: construct.text, line, message: 'a link or image with this scheme can run code or smuggle content when clicked', suggestion: UNSAFE_LINK_SUGGESTION });
          else problems.push({ file: entry.file, field: '(body)', value: construct.text, line, message: `an MDX ${construct.kind} is not allowed in an entry body`, suggestion: MDX_CONSTRUCT_SUGGESTION });
        }
      } catch (error) {
        if (!(error instanceof MdxSyntaxError)) throw error;
        problems.push({ file: entry.file, field: '(body)', value: error.message, line: error.line === undefined ? entry.bodyLine : entry.bodyLine + error.line - 1, message: `the body is not valid MDX: ${error.message}`, suggestion: MDX_ESCAPE_HINT });
      }
    }
    return problems;
  },
};
