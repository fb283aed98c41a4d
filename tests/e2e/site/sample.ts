import { validateContent } from '../../../src/integrity/validate.ts';
import { urlOf } from '../../../src/site/routes.ts';

/** The real content graph, so tests pick their samples from what was built instead of hard-coding. */
export const { graph } = validateContent(process.cwd());

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the content has no ${what}`);
  return value;
}

export const sampleRisk = required(graph.risks.find((risk) => graph.mitigationsOfRisk(risk).length > 0 && risk.data.attackPath), 'risk with a mitigation and an attack path');
export const sampleMitigation = required(graph.mitigationsOfRisk(sampleRisk)[0], 'mitigation of the sample risk');
export const sampleCheck = required(graph.checksOfMitigation(sampleMitigation)[0], 'check of the sample mitigation');
export const sampleStage = required(graph.stageOfRisk(sampleRisk), 'stage of the sample risk');
export const sampleConcept = required(graph.concepts[0], 'concept');
export const sampleIncident = required(graph.incidents[0], 'incident');
export const sampleSource = required(graph.sources[0], 'source');

export { urlOf };
