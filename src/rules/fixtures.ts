import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArtifact } from '../artifacts/artifact.ts';
import type { CheckAutomation } from '../graph/entries.ts';
import { ARTIFACT_KINDS, type ArtifactKind } from '../model/vocabulary.ts';

export interface FixtureExample {
  file: string;
  kind: ArtifactKind;
  text: string;
}

/** What the check page says about an automated check, read from its fixtures (the proof), not from the rule code. */
export interface AutomationFacts {
  /** Artifact kinds the fixtures prove the rule on, in vocabulary order. */
  kinds: ArtifactKind[];
  /** The first fail fixture: what a reported file looks like. */
  failExample?: FixtureExample;
}

/** How a reader runs the CLI on each kind of artifact. */
export const CHECK_COMMANDS: Record<ArtifactKind, string> = {
  dockerfile: 'npx bulkhead check Dockerfile',
  kubernetes: 'npx bulkhead check k8s/\nhelm template my-release ./chart | npx bulkhead check -',
  compose: 'npx bulkhead check compose.yaml',
  inspect: 'docker inspect $(docker ps -q) | npx bulkhead check -',
  'docker-daemon': 'npx bulkhead check /etc/docker/daemon.json',
};

export function automationFacts(rootDir: string, automation: CheckAutomation): AutomationFacts {
  const read = (file: string): FixtureExample | undefined => {
    const text = readFileSync(join(rootDir, file), 'utf8');
    const result = readArtifact(file, text);
    return result.status === 'read' ? { file, kind: result.artifact.kind, text } : undefined;
  };
  const fixtures = [...automation.failFixtures, ...automation.passFixtures].map(read).filter((fixture) => fixture !== undefined);
  const kinds = new Set(fixtures.map((fixture) => fixture.kind));
  return {
    kinds: ARTIFACT_KINDS.filter((kind) => kinds.has(kind)),
    failExample: automation.failFixtures.map(read).find((fixture) => fixture !== undefined),
  };
}
