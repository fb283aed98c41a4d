import { basename } from 'node:path';
import type { Entry } from '../../graph/entries.ts';
import { entryKey } from '../../graph/entries.ts';
import type { IntegrityRule, ProblemDraft } from '../rule.ts';

export const duplicateId: IntegrityRule = {
  name: 'duplicate-id',
  description: 'IDs, source keys and aliases are unique across all collections, and no alias equals another entry’s ID.',
  run(context) {
    const problems: ProblemDraft[] = [];
    const owners = new Map<string, Entry>();
    for (const entry of context.entries) {
      const key = entryKey(entry).toLowerCase();
      const first = owners.get(key);
      if (first) {
        problems.push({ file: entry.file, field: entry.kind === 'sources' ? 'key' : 'id', value: entryKey(entry), line: context.lineOf(entry, [entry.kind === 'sources' ? 'key' : 'id']), message: `${JSON.stringify(entryKey(entry))} is already used by ${first.file}`, suggestion: entry.kind === 'sources' ? 'choose another key' : `take the next free ID: npm run new -- ${entry.kind.replace(/s$/, '')}` });
      } else owners.set(key, entry);
    }
    const aliasOwners = new Map<string, Entry>();
    for (const entry of context.entries) {
      if (entry.kind === 'sources') continue;
      entry.data.aliases.forEach((alias, index) => {
        const key = alias.toLowerCase();
        const line = context.lineOf(entry, ['aliases', index]);
        const idOwner = owners.get(key);
        if (idOwner && idOwner !== entry) {
          problems.push({ file: entry.file, field: `aliases[${index}]`, value: alias, line, message: `alias ${JSON.stringify(alias)} is the ID of another entry (${idOwner.file})`, suggestion: 'an alias may only hold this entry’s own former IDs or slugs' });
          return;
        }
        if (key === entry.data.id.toLowerCase()) {
          problems.push({ file: entry.file, field: `aliases[${index}]`, value: alias, line, message: `alias ${JSON.stringify(alias)} repeats the entry’s own ID`, suggestion: 'remove it' });
          return;
        }
        const aliasOwner = aliasOwners.get(key);
        if (aliasOwner) {
          problems.push({ file: entry.file, field: `aliases[${index}]`, value: alias, line, message: `alias ${JSON.stringify(alias)} is also an alias of ${aliasOwner.file}`, suggestion: 'an old ID can point to one entry only' });
        } else aliasOwners.set(key, entry);
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(alias)) {
          problems.push({ file: entry.file, field: `aliases[${index}]`, value: alias, line, message: `alias ${JSON.stringify(alias)} cannot be a URL segment`, suggestion: 'use letters, digits, ".", "_" and "-" only' });
        }
      });
    }
    return problems;
  },
};

/** Entry files are named after their ID so that a contributor finds BH-R-012 by its file name. */
export const fileName: IntegrityRule = {
  name: 'file-name',
  description: 'Entry files start with their lower-case ID (checks: their folder); source files are named after their key.',
  run(context) {
    return context.entries.flatMap((entry): ProblemDraft[] => {
      if (entry.kind === 'sources') {
        const expected = `${entry.data.key}.yaml`;
        return basename(entry.file) === expected ? [] : [{ file: entry.file, field: 'key', value: entry.data.key, line: context.lineOf(entry, ['key']), message: `the file of source ${JSON.stringify(entry.data.key)} must be named ${expected}` }];
      }
      const name = entry.kind === 'checks' ? (entry.file.split('/').at(-2) ?? '') : basename(entry.file, '.mdx');
      if (entry.kind === 'stages') {
        return name === entry.data.key ? [] : [{ file: entry.file, field: 'key', value: entry.data.key, message: `the stage file must be named ${entry.data.key}.mdx` }];
      }
      const prefix = entry.data.id.toLowerCase();
      return name === prefix || name.startsWith(`${prefix}-`)
        ? []
        : [{ file: entry.file, field: 'id', value: entry.data.id, line: context.lineOf(entry, ['id']), message: `the ${entry.kind === 'checks' ? 'folder' : 'file'} name must start with the lower-case ID`, suggestion: `rename it to ${prefix}-${name.replace(/^bh-[a-z]+-\d+-?/, '') || 'short-title'}${entry.kind === 'checks' ? '/' : '.mdx'}` }];
    });
  },
};

/** The five stages are the backbone of every page: exactly one file per NIST SP 800-190 stage. */
export const stageSet: IntegrityRule = {
  name: 'stages',
  description: 'There is exactly one stage entry per life-cycle stage, and every risk names one of the five.',
  run(context) {
    const problems: ProblemDraft[] = [];
    const stageKeys = ['image', 'registry', 'orchestration', 'container', 'host'];
    for (const entry of context.entries) {
      if (entry.kind === 'risks' && !stageKeys.includes(entry.data.stage)) {
        const guess = stageKeys.find((key) => key.startsWith(entry.data.stage.toLowerCase().slice(0, 3)));
        problems.push({ file: entry.file, field: 'stage', value: entry.data.stage, line: context.lineOf(entry, ['stage']), message: `unknown stage ${JSON.stringify(entry.data.stage)}`, suggestion: guess ? `did you mean ${JSON.stringify(guess)}?` : `use one of ${stageKeys.join(', ')}` });
      }
    }
    const stages = context.graph.stages;
    if (stages.length > 0) {
      for (const key of stageKeys) {
        if (!stages.some((stage) => stage.data.key === key)) problems.push({ file: 'content/stages', field: 'key', value: key, message: `no stage entry for ${JSON.stringify(key)}`, suggestion: `add content/stages/${key}.mdx` });
      }
      const orders = new Map<number, string>();
      for (const stage of stages) {
        const other = orders.get(stage.data.order);
        if (other) problems.push({ file: stage.file, field: 'order', value: String(stage.data.order), message: `order ${stage.data.order} is also used by ${other}` });
        orders.set(stage.data.order, stage.file);
      }
    }
    return problems;
  },
};

