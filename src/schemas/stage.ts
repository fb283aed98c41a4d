import { z } from 'astro/zod';
import { ID_FORMATS, STAGES } from '../model/vocabulary.ts';
import { baseEntry } from './common.ts';

export const stageSchema = baseEntry(ID_FORMATS.stages.pattern, ID_FORMATS.stages.example).extend({
  /** Which of NIST SP 800-190's five life-cycle stages this page describes; also its URL. */
  key: z.enum(STAGES),
  /** Position in the life cycle, 1 (image) to 5 (host). */
  order: z.number().int().min(1).max(5),
  /** Who usually owns this stage in an organisation. */
  owners: z.array(z.string().min(2)).min(1),
  /** Mermaid source of the stage's flow and trust boundaries, rendered to SVG at build time. */
  diagram: z.string().min(10),
  /** Plain-text description of the diagram for screen readers. */
  diagramAlt: z.string().min(10),
});
export type StageData = z.infer<typeof stageSchema>;
