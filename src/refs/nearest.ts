import type { ScannerRule } from '../catalogs/types.ts';
import type { RiskEntry } from '../graph/entries.ts';
import type { ContentGraph } from '../graph/graph.ts';
import type { StageKey } from '../model/vocabulary.ts';

/**
 * For a rule no entry maps yet, the stage it most likely belongs to, from what the scanner
 * inspects: Dockerfiles are the image stage, daemon and node configuration the host, cluster
 * components the orchestration stage, workload specs the container stage.
 */
export function stageOfRule(rule: ScannerRule): StageKey {
  switch (rule.scanner) {
    case 'trivy':
      if (rule.group === 'dockerfile') return 'image';
      return rule.id.startsWith('KCV') ? 'orchestration' : 'container';
    case 'checkov':
      return rule.group === 'dockerfile' ? 'image' : 'container';
    case 'kube-bench':
      return rule.id.startsWith('5.') ? 'container' : rule.id.startsWith('4.') ? 'host' : 'orchestration';
    case 'docker-bench': {
      const section = rule.id.split('.')[0];
      if (section === '4' || section === '6') return 'image';
      if (section === '5') return 'container';
      if (section === '7') return 'orchestration';
      return 'host';
    }
    case 'kubescape':
      return 'orchestration';
  }
}

const STOP_WORDS = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'is', 'are', 'be', 'set', 'not', 'ensure', 'that', 'with', 'should', 'use', 'do', 'as', 'if', 'it', 'by', 'from', 'when', 'appropriate', 'appropriately', 'argument', 'file', 'files']);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word))
      .map((word) => word.replace(/(ies|es|s)$/, '')),
  );
}

/** Each graph's risks with their word sets, computed once: every unmapped rule is compared with every risk. */
const riskWordsOf = new WeakMap<ContentGraph, { risk: RiskEntry; words: Set<string> }[]>();

function risksWithWords(graph: ContentGraph): { risk: RiskEntry; words: Set<string> }[] {
  let list = riskWordsOf.get(graph);
  if (!list) {
    list = graph.risks.map((risk) => ({ risk, words: words(`${risk.data.title} ${risk.data.summary}`) }));
    riskWordsOf.set(graph, list);
  }
  return list;
}

/** The risk whose title and summary share the most words with the rule, within its stage first. */
export function nearestRisk(graph: ContentGraph, rule: ScannerRule): RiskEntry | undefined {
  const ruleWords = words(`${rule.title} ${rule.description ?? ''}`);
  const stage = stageOfRule(rule);
  let best: { risk: RiskEntry; score: number } | undefined;
  for (const { risk, words: riskWords } of risksWithWords(graph)) {
    let score = 0;
    for (const word of ruleWords) if (riskWords.has(word)) score += 1;
    if (risk.data.stage === stage) score += 0.5;
    if (!best || score > best.score) best = { risk, score };
  }
  return best && best.score >= 1.5 ? best.risk : undefined;
}
