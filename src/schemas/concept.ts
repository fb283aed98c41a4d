import { z } from 'astro/zod';
import { ID_FORMATS } from '../model/vocabulary.ts';
import { baseEntry } from './common.ts';

export const conceptSchema = baseEntry(ID_FORMATS.concepts.pattern, ID_FORMATS.concepts.example).extend({
  /** Grouping on the concepts index, e.g. "Namespaces", "Capabilities", "Virtualization". */
  area: z.string().min(3),
  /**
   * Identifiers this page owns and explains: capability, syscall or namespace names such as
   * "CAP_SYS_ADMIN" or "pivot_root". The ID search sends these straight to this page.
   */
  identifiers: z.array(z.string().min(2)).default([]),
  /** Optional Mermaid diagram illustrating the concept. */
  diagram: z.string().min(10).optional(),
  /** Plain-text description of the diagram for screen readers. */
  diagramAlt: z.string().min(10).optional(),
});
export type ConceptData = z.infer<typeof conceptSchema>;
