import { FRAMEWORK_CATALOGS } from '../catalogs/frameworks.ts';
import type { ContentGraph } from '../graph/graph.ts';

/**
 * A MITRE ATT&CK Navigator layer (layer format 4.5) of the techniques Bulkhead's risks cover.
 * Score = number of risks mapped to the technique; the comment names them.
 */
export function buildNavigatorLayer(graph: ContentGraph) {
  const techniques = FRAMEWORK_CATALOGS.attack.entries
    .filter((entry) => entry.kind === 'technique')
    .map((entry) => ({ entry, risks: graph.risksMappedTo('attack', entry.id) }))
    .filter(({ risks }) => risks.length > 0);
  const maxScore = Math.max(1, ...techniques.map(({ risks }) => risks.length));
  return {
    name: 'Bulkhead: container risks',
    versions: { layer: '4.5', navigator: '5.1.0' },
    domain: 'enterprise-attack',
    description: `Techniques covered by Bulkhead risks. Technique IDs from MITRE ATT&CK ${FRAMEWORK_CATALOGS.attack.edition}${FRAMEWORK_CATALOGS.attack.revision ? ` (${FRAMEWORK_CATALOGS.attack.revision})` : ''}.`,
    filters: { platforms: ['Containers'] },
    sorting: 3,
    hideDisabled: false,
    techniques: techniques.map(({ entry, risks }) => ({
      techniqueID: entry.id,
      score: risks.length,
      enabled: true,
      comment: risks.map((risk) => `${risk.data.id} ${risk.data.title} (${risk.data.severity})`).join('; '),
      metadata: risks.map((risk) => ({ name: risk.data.id, value: risk.data.title })),
      showSubtechniques: true,
    })),
    gradient: { colors: ['#fff2cc', '#e06666'], minValue: 0, maxValue: maxScore },
    legendItems: [{ label: 'Score = number of Bulkhead risks', color: '#e06666' }],
  };
}
