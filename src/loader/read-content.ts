import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { CollectionName } from '../model/vocabulary.ts';
import { COLLECTIONS } from '../model/vocabulary.ts';
import { FrontmatterError, parseMdx, parseYamlFile, type ParsedFile } from './frontmatter.ts';

/** One content file as read from disk, before schema validation. */
export interface RawRecord {
  collection: CollectionName;
  /** Path relative to the repository root, with forward slashes, as error messages show it. */
  file: string;
  parsed: ParsedFile;
}

export interface ReadFailure {
  file: string;
  line: number | undefined;
  message: string;
}

/** Where each collection's files live under content/, and which files are entries. */
export const COLLECTION_FILES: Record<CollectionName, { folder: string; isEntry: (relativePath: string) => boolean }> = {
  stages: { folder: 'stages', isEntry: (path) => /^[^/]+\.mdx$/.test(path) },
  risks: { folder: 'risks', isEntry: (path) => /^[^/]+\.mdx$/.test(path) },
  mitigations: { folder: 'mitigations', isEntry: (path) => /^[^/]+\.mdx$/.test(path) },
  checks: { folder: 'checks', isEntry: (path) => /^[^/]+\/index\.mdx$/.test(path) },
  concepts: { folder: 'concepts', isEntry: (path) => /^[^/]+\.mdx$/.test(path) },
  incidents: { folder: 'incidents', isEntry: (path) => /^[^/]+\.mdx$/.test(path) },
  sources: { folder: 'sources', isEntry: (path) => /^[^/]+\.yaml$/.test(path) },
};

function listFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

const toPosix = (path: string): string => path.split(sep).join('/');

/**
 * Reads every entry file of every collection under `contentDir`. Files that cannot be parsed
 * are returned as failures rather than thrown, so one run reports all of them.
 */
export function readContent(rootDir: string, contentDir = join(rootDir, 'content')): { records: RawRecord[]; failures: ReadFailure[] } {
  const records: RawRecord[] = [];
  const failures: ReadFailure[] = [];
  for (const collection of COLLECTIONS) {
    const { folder, isEntry } = COLLECTION_FILES[collection];
    const base = join(contentDir, folder);
    for (const path of listFiles(base).sort()) {
      const inCollection = toPosix(relative(base, path));
      if (!isEntry(inCollection)) continue;
      const file = toPosix(relative(rootDir, path));
      const text = readFileSync(path, 'utf8');
      try {
        records.push({ collection, file, parsed: collection === 'sources' ? parseYamlFile(text) : parseMdx(text) });
      } catch (error) {
        if (!(error instanceof FrontmatterError)) throw error;
        failures.push({ file, line: error.line, message: error.message });
      }
    }
  }
  return { records, failures };
}
