import { z } from 'astro/zod';
import { SOURCE_KEY_PATTERN } from '../model/vocabulary.ts';
import { isoDate } from './common.ts';

export const SOURCE_KINDS = ['standard', 'benchmark', 'kernel-doc', 'man-page', 'runtime-doc', 'advisory', 'cve-record', 'book', 'article', 'framework'] as const;

export const sourceSchema = z.strictObject({
  /** Citation key, equal to the file name; lower-case words joined by hyphens. */
  key: z.string().regex(SOURCE_KEY_PATTERN, { error: (issue) => `source key ${JSON.stringify(issue.input)} must be lower-case words joined by hyphens` }),
  /** Title as the publisher gives it. */
  title: z.string().min(3),
  /** Who published it (NIST, CIS, kernel.org, the runc maintainers …). */
  publisher: z.string().min(2),
  /** What kind of document it is. */
  kind: z.enum(SOURCE_KINDS),
  /** A working HTTPS link to the document. */
  url: z.url({ protocol: /^https$/, error: 'expected an https:// URL' }),
  /** Edition or version cited, e.g. "v1.8.0" or "September 2017". */
  edition: z.string().optional(),
  /** Date the document was published, if known. */
  published: isoDate.optional(),
});
export type SourceData = z.infer<typeof sourceSchema>;
