import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { FrontmatterError, parseYamlFile, type ParsedFile } from './frontmatter.ts';
import type { ReadFailure } from './read-content.ts';

/** Scanner-rule mappings live in content/mappings/*.yaml, one file per topic. */
export const MAPPINGS_FOLDER = 'mappings';

export interface RawMappingFile {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  parsed: ParsedFile;
}

/** Reads every mapping file; unparseable files come back as failures so one run reports all. */
export function readMappings(rootDir: string, contentDir = join(rootDir, 'content')): { files: RawMappingFile[]; failures: ReadFailure[] } {
  const folder = join(contentDir, MAPPINGS_FOLDER);
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.yaml')).sort();
  } catch {
    return { files: [], failures: [] };
  }
  const files: RawMappingFile[] = [];
  const failures: ReadFailure[] = [];
  for (const name of names) {
    const file = relative(rootDir, join(folder, name)).split(sep).join('/');
    try {
      files.push({ file, parsed: parseYamlFile(readFileSync(join(folder, name), 'utf8')) });
    } catch (error) {
      if (!(error instanceof FrontmatterError)) throw error;
      failures.push({ file, line: error.line, message: error.message });
    }
  }
  return { files, failures };
}
