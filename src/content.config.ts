import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { COLLECTION_FILES } from './loader/read-content.ts';
import { renderedMdx } from './loader/rendered-mdx.ts';
import { checkSchema, conceptSchema, incidentSchema, mitigationSchema, riskSchema, stageSchema } from './schemas/index.ts';
import { contentDirOverride } from './site/content-dir.ts';

const contentRoot = contentDirOverride() ?? './content';

/** MDX collections: bodies rendered to HTML at load (src/loader/rendered-mdx.ts); the graph in src/graph holds their links. */
function mdxCollection<S extends Parameters<typeof defineCollection>[0]['schema']>(folder: string, pattern: string, schema: S) {
  return defineCollection({ loader: renderedMdx({ base: `${contentRoot}/${folder}`, pattern }), schema });
}

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  stages: mdxCollection(COLLECTION_FILES.stages.folder, '*.mdx', stageSchema),
  risks: mdxCollection(COLLECTION_FILES.risks.folder, '*.mdx', riskSchema),
  mitigations: mdxCollection(COLLECTION_FILES.mitigations.folder, '*.mdx', mitigationSchema),
  checks: mdxCollection(COLLECTION_FILES.checks.folder, '*/index.mdx', checkSchema),
  concepts: mdxCollection(COLLECTION_FILES.concepts.folder, '*.mdx', conceptSchema),
  incidents: mdxCollection(COLLECTION_FILES.incidents.folder, '*.mdx', incidentSchema),
};
