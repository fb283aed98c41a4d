import { z } from 'astro/zod';
import type { IdEntry } from '../graph/entries.ts';
import type { ContentGraph } from '../graph/graph.ts';
import { buildMatrices } from '../matrices/builders.ts';
import { cellText } from '../matrices/model.ts';
import { entryUrl, withBase } from '../model/urls.ts';
import { SCHEMAS } from '../schemas/index.ts';

/** Bumped when the shape of kb.json changes in a way consumers must notice. */
export const KB_FORMAT_VERSION = '1.0.0';

function links(graph: ContentGraph, entry: IdEntry): Record<string, string[]> {
  const ids = (list: { data: { id: string } }[]) => list.map((item) => item.data.id);
  switch (entry.kind) {
    case 'stages':
      return { risks: ids(graph.risksOfStage(entry)) };
    case 'risks':
      return { stage: [entry.data.stage], mitigations: ids(graph.mitigationsOfRisk(entry)), checks: ids(graph.checksOfRisk(entry)), concepts: ids(graph.conceptsOf(entry)), incidents: ids(graph.incidentsOf(entry)) };
    case 'mitigations':
      return { risks: ids(graph.risksMitigatedBy(entry)), checks: ids(graph.checksOfMitigation(entry)), concepts: ids(graph.conceptsOf(entry)), incidents: ids(graph.incidentsOf(entry)) };
    case 'checks':
      return { mitigations: ids(graph.mitigationsVerifiedBy(entry)), risks: ids(graph.risksVerifiedBy(entry)), scannerRules: graph.rulesOfCheck(entry).map((rule) => `${rule.scanner}:${rule.id}`), concepts: ids(graph.conceptsOf(entry)), incidents: ids(graph.incidentsOf(entry)) };
    case 'concepts':
      return { explains: ids(graph.entriesExplainedBy(entry)), concepts: ids(graph.conceptsOf(entry)) };
    case 'incidents':
      return { illustrates: ids(graph.entriesIllustratedBy(entry)), concepts: ids(graph.conceptsOf(entry)) };
  }
}

/** The whole graph: every entry's own data, its links in both directions, and every alias. Paths are the served ones (under the site's base). */
export function buildKnowledgeBase(graph: ContentGraph, generated: string) {
  const entries = graph.allPagedEntries().map((entry) => ({
    type: entry.kind,
    id: entry.data.id,
    path: withBase(entryUrl(entry)),
    file: entry.file,
    automated: entry.kind === 'checks' ? Boolean(entry.automation) : undefined,
    data: entry.data,
    links: links(graph, entry),
  }));
  const aliases = Object.fromEntries(graph.allPagedEntries().flatMap((entry) => entry.data.aliases.map((alias) => [alias, entry.data.id])));
  const matrices = buildMatrices(graph).map((matrix) => ({ id: matrix.id, title: matrix.title, columns: matrix.columns, rows: matrix.rows.map((row) => [cellText(row.header), ...row.cells.map(cellText)]) }));
  return { $schema: withBase('/kb.schema.json'), version: KB_FORMAT_VERSION, generated, entries, sources: graph.sources.map((source) => source.data), aliases, matrices };
}

/** JSON Schema of kb.json, generated from the same Zod schemas that validate content. */
export function buildKnowledgeBaseSchema() {
  const entryData = Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' })]));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: withBase('/kb.schema.json'),
    title: 'Bulkhead knowledge base export',
    type: 'object',
    required: ['version', 'generated', 'entries', 'sources', 'aliases', 'matrices'],
    properties: {
      version: { type: 'string', const: KB_FORMAT_VERSION },
      generated: { type: 'string', format: 'date-time' },
      entries: {
        type: 'array',
        items: {
          type: 'object',
          required: ['type', 'id', 'path', 'data', 'links'],
          properties: {
            type: { enum: ['stages', 'risks', 'mitigations', 'checks', 'concepts', 'incidents'] },
            id: { type: 'string' },
            path: { type: 'string' },
            file: { type: 'string' },
            automated: { type: 'boolean' },
            data: { type: 'object' },
            links: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          },
          allOf: (['stages', 'risks', 'mitigations', 'checks', 'concepts', 'incidents'] as const).map((type) => ({ if: { properties: { type: { const: type } } }, then: { properties: { data: entryData[type] } } })),
        },
      },
      sources: { type: 'array', items: entryData.sources },
      aliases: { type: 'object', additionalProperties: { type: 'string' } },
      matrices: { type: 'array', items: { type: 'object', required: ['id', 'title', 'columns', 'rows'] } },
    },
  };
}
