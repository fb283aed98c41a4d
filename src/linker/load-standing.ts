/**
 * Builds the rule standings from the knowledge base's content, as the site builds
 * /ref/<scanner>.json. Kept apart from the linker because reading the content takes about two
 * seconds: the command imports this only when a report has somewhere to put a relation (SARIF).
 */
import { validateContent } from '../integrity/validate.ts';
import { entryUrl } from '../model/urls.ts';
import { SCANNERS } from '../model/vocabulary.ts';
import { buildRefRecords, scannerLinkMap } from '../refs/records.ts';
import { standingFromLinkMaps, type StandingOf } from './standing.ts';

export function loadStanding(rootDir: string): StandingOf {
  // Integrity rules are skipped: a content problem must not stop a report from being linked.
  const { graph } = validateContent(rootDir, { rules: [] });
  const records = buildRefRecords(graph);
  return standingFromLinkMaps(SCANNERS.map((scanner) => scannerLinkMap(records, scanner, entryUrl)));
}
