import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateContent, type ValidationResult } from '../../../src/integrity/validate.ts';

export const FIXTURE_CONTENT = join(import.meta.dirname, '..', '..', 'fixtures', 'content');

/** A private copy of the fixture content set that a test may break, validated like content/. */
export class FixtureContent {
  readonly root: string;
  constructor() {
    this.root = mkdtempSync(join(tmpdir(), 'bulkhead-content-'));
    cpSync(FIXTURE_CONTENT, join(this.root, 'content'), { recursive: true });
  }
  path(file: string): string {
    return join(this.root, 'content', file);
  }
  read(file: string): string {
    return readFileSync(this.path(file), 'utf8');
  }
  write(file: string, text: string): void {
    writeFileSync(this.path(file), text);
  }
  /** Replaces the first occurrence of `from`; fails loudly if the fixture no longer has it. */
  edit(file: string, from: string | RegExp, to: string): void {
    const text = this.read(file);
    const next = text.replace(from, to);
    if (next === text) throw new Error(`fixture ${file} does not contain ${String(from)}`);
    this.write(file, next);
  }
  validate(): ValidationResult {
    return validateContent(this.root);
  }
  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
