import type { z } from 'astro/zod';
import type { CheckAutomation, Entry } from '../graph/entries.ts';
import { ContentGraph } from '../graph/graph.ts';
import { readContent, type RawRecord } from '../loader/read-content.ts';
import { readMappings } from '../loader/read-mappings.ts';
import { readAnswers } from '../mappings/answers.ts';
import { findAutomation } from '../loader/automation.ts';
import { COLLECTIONS, type CollectionName } from '../model/vocabulary.ts';
import { SCHEMAS } from '../schemas/index.ts';
import type { RuleContext } from './context.ts';
import { fieldPath, type Problem } from './problem.ts';
import type { IntegrityRule } from './rule.ts';
import { INTEGRITY_RULES } from './rules/index.ts';
import { checkFloors } from './floors.ts';

export interface ValidationResult {
  problems: Problem[];
  entries: Entry[];
  graph: ContentGraph;
  counts: Record<CollectionName, number>;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): { message: string; value?: string } {
  let value: unknown = data;
  for (const key of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
  if (issue.code === 'unrecognized_keys') return { message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}` };
  if (issue.code === 'invalid_value') return { message: `${JSON.stringify(value)} is not allowed: expected one of ${issue.values.map((option) => JSON.stringify(option)).join(', ')}`, value: String(value) };
  if (issue.code === 'invalid_type' && value === undefined) return { message: `required field is missing (${issue.message.replace(/^Invalid input: /, '')})` };
  return { message: issue.message.replace(/^Invalid input: /, ''), value: value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value) };
}

function toEntry(record: RawRecord, data: unknown, automation: CheckAutomation | undefined): Entry {
  const base = { file: record.file, body: record.parsed.body, bodyLine: record.parsed.bodyLine };
  // The schema for record.collection produced `data`, so the pairing of kind and data is sound.
  const entry = { kind: record.collection, data, ...base } as Entry;
  if (entry.kind === 'checks' && automation) entry.automation = automation;
  return entry;
}

/**
 * A file that fails its schema is left out of the graph, but its ID is still taken: a second
 * file with the same ID must be reported now, not when the first one is fixed (duplicate-id
 * compares only valid entries).
 */
function idsTakenByInvalidFiles(records: readonly RawRecord[], entries: readonly Entry[]): Problem[] {
  const valid = new Set(entries.map((entry) => entry.file));
  const byId = new Map<string, RawRecord[]>();
  for (const record of records) {
    const data = record.parsed.data;
    const id = data !== null && typeof data === 'object' && 'id' in data && typeof data.id === 'string' ? data.id.trim().toUpperCase() : undefined;
    if (id) byId.set(id, [...(byId.get(id) ?? []), record]);
  }
  const problems: Problem[] = [];
  for (const [id, owners] of byId) {
    if (owners.length < 2 || owners.every((owner) => valid.has(owner.file))) continue;
    const [first, ...rest] = owners;
    for (const record of rest) {
      problems.push({ rule: 'duplicate-id', file: record.file, field: 'id', value: id, line: record.parsed.lineOf(['id']), message: `${JSON.stringify(id)} is already used by ${first?.file ?? ''}${first && !valid.has(first.file) ? ' (which fails its schema, see above)' : ''}`, suggestion: `take the next free ID: npm run new -- ${record.collection.replace(/s$/, '')}` });
    }
  }
  return problems;
}

export interface ValidateOptions {
  /** Another content tree (test fixtures, the scale benchmark) instead of ./content. */
  contentDir?: string;
  rules?: readonly IntegrityRule[];
  /** Also hold the shipped knowledge base to its coverage floors (never a fixture or synthetic tree). */
  floors?: boolean;
}

/**
 * Validates a content tree: every file against its schema, then every integrity rule over the
 * entries that passed. Never stops at the first problem.
 */
export function validateContent(rootDir: string, options: ValidateOptions = {}): ValidationResult {
  const { records, failures } = readContent(rootDir, options.contentDir);
  const problems: Problem[] = failures.map((failure) => ({ rule: 'parse', file: failure.file, field: '(frontmatter)', message: failure.message, line: failure.line }));
  const entries: Entry[] = [];
  const recordOf = new Map<Entry, RawRecord>();
  for (const record of records) {
    const result = SCHEMAS[record.collection].safeParse(record.parsed.data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const { message, value } = describeIssue(issue, record.parsed.data);
        const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
        problems.push({ rule: 'schema', file: record.file, field: fieldPath(path) || '(frontmatter)', value, message, line: record.parsed.lineOf(path) });
      }
      continue;
    }
    const entry = toEntry(record, result.data, record.collection === 'checks' ? findAutomation(rootDir, record.file) : undefined);
    entries.push(entry);
    recordOf.set(entry, record);
  }
  const mappings = readMappings(rootDir, options.contentDir);
  for (const failure of mappings.failures) problems.push({ rule: 'scanner-mappings', file: failure.file, field: '(file)', message: failure.message, line: failure.line });
  const { answers, problems: answerProblems } = readAnswers(mappings.files);
  for (const draft of answerProblems) problems.push({ rule: 'scanner-mappings', ...draft });
  problems.push(...idsTakenByInvalidFiles(records, entries));
  const graph = new ContentGraph(entries, answers);
  const context: RuleContext = {
    entries,
    graph,
    lineOf: (entry, path) => recordOf.get(entry)?.parsed.lineOf(path),
  };
  for (const rule of options.rules ?? INTEGRITY_RULES) {
    for (const draft of rule.run(context)) problems.push({ rule: rule.name, ...draft });
  }
  const counts = Object.fromEntries(COLLECTIONS.map((name) => [name, entries.filter((entry) => entry.kind === name).length])) as Record<CollectionName, number>;
  if (options.floors) problems.push(...checkFloors(graph, counts));
  return { problems, entries, graph, counts };
}
