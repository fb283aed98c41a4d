import type { ScannerRule } from '../catalogs/types.ts';
import type { RuleAnswer } from '../mappings/answers.ts';
import type { CheckMapping } from '../schemas/mapping.ts';
import type { FrameworkKey, ScannerKey, Severity, StageKey } from '../model/vocabulary.ts';
import { SCANNERS, SEVERITIES } from '../model/vocabulary.ts';
import type { Citation } from '../schemas/common.ts';
import type {
  CheckEntry,
  ConceptEntry,
  Entry,
  IdEntry,
  IncidentEntry,
  MitigationEntry,
  RiskEntry,
  SourceEntry,
  StageEntry,
} from './entries.ts';

/** Appends to a multimap, keeping insertion order. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const bySeverityThenId = (a: RiskEntry, b: RiskEntry): number =>
  SEVERITIES.indexOf(a.data.severity) - SEVERITIES.indexOf(b.data.severity) || a.data.id.localeCompare(b.data.id, 'en', { numeric: true });
const byId = <E extends IdEntry>(a: E, b: E): number => a.data.id.localeCompare(b.data.id, 'en', { numeric: true });

/** A scanner rule as one check answers it: the rule, its relation to the check and what differs. */
export interface CheckRuleLink {
  rule: ScannerRule;
  answer: RuleAnswer;
  mapping: CheckMapping;
}

export interface CitationLink {
  citation: Citation;
  source: SourceEntry;
}

/**
 * The resolved content graph. Links are declared once in content (risk → mitigations,
 * mitigation → checks, entry → concepts/incidents/sources, scanner rule → checks/risks/mitigations
 * in content/mappings, risk → frameworks); every reverse direction is computed here. Getters are named by direction.
 * Unknown references are skipped here: the integrity rules report them.
 */
export class ContentGraph {
  readonly stages: StageEntry[];
  readonly risks: RiskEntry[];
  readonly mitigations: MitigationEntry[];
  readonly checks: CheckEntry[];
  readonly concepts: ConceptEntry[];
  readonly incidents: IncidentEntry[];
  readonly sources: SourceEntry[];
  /** Deprecated entries: their pages and aliases stay, but they drop out of lists, links and matrices. */
  readonly retired: IdEntry[];

  readonly #byId = new Map<string, IdEntry>();
  readonly #byAlias = new Map<string, IdEntry>();
  readonly #sourceByKey = new Map<string, SourceEntry>();
  readonly #risksByStage = new Map<string, RiskEntry[]>();
  readonly #risksByMitigation = new Map<string, RiskEntry[]>();
  readonly #mitigationsByCheck = new Map<string, MitigationEntry[]>();
  readonly #explainedBy = new Map<string, IdEntry[]>();
  readonly #illustratedBy = new Map<string, IdEntry[]>();
  readonly #citing = new Map<string, Entry[]>();
  /** Every answer declared in content/mappings/, in file order. */
  readonly answers: readonly RuleAnswer[];
  readonly #answerByRule = new Map<string, RuleAnswer>();
  readonly #checksByRule = new Map<string, CheckEntry[]>();
  readonly #rulesByCheck = new Map<string, CheckRuleLink[]>();
  readonly #rulesByRelated = new Map<string, RuleAnswer[]>();
  readonly #risksByFramework = new Map<string, RiskEntry[]>();
  readonly #mitigationsByNist = new Map<string, MitigationEntry[]>();

  constructor(entries: readonly Entry[], answers: readonly RuleAnswer[] = []) {
    this.answers = answers;
    const active = entries.filter((entry) => entry.kind === 'sources' || !entry.data.deprecated);
    this.retired = entries.filter((entry): entry is IdEntry => entry.kind !== 'sources' && Boolean(entry.data.deprecated));
    const of = <K extends Entry['kind']>(kind: K) => active.filter((entry): entry is Extract<Entry, { kind: K }> => entry.kind === kind);
    this.stages = of('stages').sort((a, b) => a.data.order - b.data.order);
    this.risks = of('risks').sort(byId);
    this.mitigations = of('mitigations').sort(byId);
    this.checks = of('checks').sort(byId);
    this.concepts = of('concepts').sort(byId);
    this.incidents = of('incidents').sort(byId);
    this.sources = of('sources').sort((a, b) => a.data.key.localeCompare(b.data.key));

    for (const entry of [...this.idEntries(), ...this.retired]) {
      if (!this.#byId.has(entry.data.id)) this.#byId.set(entry.data.id, entry);
      for (const alias of entry.data.aliases) if (!this.#byAlias.has(alias.toLowerCase())) this.#byAlias.set(alias.toLowerCase(), entry);
    }
    for (const source of this.sources) this.#sourceByKey.set(source.data.key, source);

    for (const risk of this.risks) {
      push(this.#risksByStage, risk.data.stage, risk);
      for (const id of risk.data.mitigations) push(this.#risksByMitigation, id, risk);
      for (const framework of Object.keys(risk.data.frameworks) as FrameworkKey[]) {
        for (const id of risk.data.frameworks[framework]) push(this.#risksByFramework, `${framework}:${id.toUpperCase()}`, risk);
      }
    }
    for (const mitigation of this.mitigations) {
      for (const id of mitigation.data.checks) push(this.#mitigationsByCheck, id, mitigation);
      for (const section of mitigation.data.nist) push(this.#mitigationsByNist, section, mitigation);
    }
    for (const answer of answers) {
      const key = `${answer.rule.scanner}:${answer.rule.id}`;
      this.#answerByRule.set(key, answer);
      for (const mapping of answer.checks) {
        const check = this.#byId.get(mapping.id);
        if (check?.kind !== 'checks' || check.data.deprecated) continue;
        push(this.#checksByRule, key, check);
        push(this.#rulesByCheck, check.data.id, { rule: answer.rule, answer, mapping });
      }
      for (const id of answer.related) push(this.#rulesByRelated, id, answer);
    }
    for (const entry of active) {
      for (const citation of entry.kind === 'sources' ? [] : entry.data.citations) push(this.#citing, citation.source, entry);
      if (entry.kind === 'sources') continue;
      for (const id of entry.data.concepts) push(this.#explainedBy, id, entry);
      for (const id of entry.data.incidents) push(this.#illustratedBy, id, entry);
    }
  }

  /** Every current entry with a Bulkhead ID; deprecated ones are in `retired`. */
  idEntries(): IdEntry[] {
    return [...this.stages, ...this.risks, ...this.mitigations, ...this.checks, ...this.concepts, ...this.incidents];
  }

  /** Every entry that has a page: current and deprecated. */
  allPagedEntries(): IdEntry[] {
    return [...this.idEntries(), ...this.retired];
  }

  entryById(id: string): IdEntry | undefined {
    return this.#byId.get(id);
  }

  /** Resolves a current ID (any case) or an alias to its entry. */
  resolveIdOrAlias(text: string): IdEntry | undefined {
    return this.#byId.get(text.toUpperCase()) ?? this.#byAlias.get(text.toLowerCase());
  }

  sourceByKey(key: string): SourceEntry | undefined {
    return this.#sourceByKey.get(key);
  }

  stageByKey(key: StageKey | string): StageEntry | undefined {
    return this.stages.find((stage) => stage.data.key === key);
  }

  // Risk ↔ stage
  stageOfRisk(risk: RiskEntry): StageEntry | undefined {
    return this.stageByKey(risk.data.stage);
  }
  risksOfStage(stage: StageEntry): RiskEntry[] {
    return [...(this.#risksByStage.get(stage.data.key) ?? [])].sort(bySeverityThenId);
  }

  // Risk ↔ mitigation (declared on the risk)
  mitigationsOfRisk(risk: RiskEntry): MitigationEntry[] {
    return this.#resolve(risk.data.mitigations, 'mitigations');
  }
  risksMitigatedBy(mitigation: MitigationEntry): RiskEntry[] {
    return [...(this.#risksByMitigation.get(mitigation.data.id) ?? [])].sort(bySeverityThenId);
  }

  // Mitigation ↔ check (declared on the mitigation)
  checksOfMitigation(mitigation: MitigationEntry): CheckEntry[] {
    return this.#resolve(mitigation.data.checks, 'checks');
  }
  mitigationsVerifiedBy(check: CheckEntry): MitigationEntry[] {
    return [...(this.#mitigationsByCheck.get(check.data.id) ?? [])];
  }

  // Two-hop views, derived from the two links above
  checksOfRisk(risk: RiskEntry): CheckEntry[] {
    return unique(this.mitigationsOfRisk(risk).flatMap((mitigation) => this.checksOfMitigation(mitigation)));
  }
  risksVerifiedBy(check: CheckEntry): RiskEntry[] {
    return unique(this.mitigationsVerifiedBy(check).flatMap((mitigation) => this.risksMitigatedBy(mitigation))).sort(bySeverityThenId);
  }
  /** A check's finding is as severe as the check says (CONTRIBUTING.md rubric), not its worst risk. */
  severityOfCheck(check: CheckEntry): Severity {
    return check.data.severity;
  }
  /** A mitigation is as important as the worst risk it answers. */
  severityOfMitigation(mitigation: MitigationEntry): Severity {
    const [worst] = this.risksMitigatedBy(mitigation);
    return worst ? worst.data.severity : 'low';
  }

  // Concepts and incidents (declared on any entry)
  conceptsOf(entry: IdEntry): ConceptEntry[] {
    return this.#resolve(entry.data.concepts, 'concepts');
  }
  entriesExplainedBy(concept: ConceptEntry): IdEntry[] {
    return this.#explainedBy.get(concept.data.id) ?? [];
  }
  incidentsOf(entry: IdEntry): IncidentEntry[] {
    return this.#resolve(entry.data.incidents, 'incidents');
  }
  entriesIllustratedBy(incident: IncidentEntry): IdEntry[] {
    return this.#illustratedBy.get(incident.data.id) ?? [];
  }

  // Citations
  citationsOf(entry: IdEntry): CitationLink[] {
    return entry.data.citations.flatMap((citation) => {
      const source = this.#sourceByKey.get(citation.source);
      return source ? [{ citation, source }] : [];
    });
  }
  entriesCiting(source: SourceEntry): Entry[] {
    return this.#citing.get(source.data.key) ?? [];
  }

  // Scanner rules (declared in content/mappings/, rule → checks / risks / mitigations)
  /** What content/mappings/ says about a catalogued rule (canonical ID), if anything. */
  answerOf(scanner: ScannerKey, ruleId: string): RuleAnswer | undefined {
    return this.#answerByRule.get(`${scanner}:${ruleId}`);
  }
  /** The scanner rules that report this check's condition, each with its relation, in scanner order. */
  ruleLinksOfCheck(check: CheckEntry): CheckRuleLink[] {
    const links = this.#rulesByCheck.get(check.data.id) ?? [];
    return SCANNERS.flatMap((scanner) => links.filter((link) => link.rule.scanner === scanner));
  }
  rulesOfCheck(check: CheckEntry): ScannerRule[] {
    return this.ruleLinksOfCheck(check).map((link) => link.rule);
  }
  checksReportedBy(scanner: ScannerKey, ruleId: string): CheckEntry[] {
    return this.#checksByRule.get(`${scanner}:${ruleId}`) ?? [];
  }
  /** Rules mapped as `related` to a risk or mitigation that has no check of the same condition. */
  rulesRelatedTo(entry: RiskEntry | MitigationEntry): RuleAnswer[] {
    return this.#rulesByRelated.get(entry.data.id) ?? [];
  }
  scannersDetecting(risk: RiskEntry): ScannerKey[] {
    const checks = this.checksOfRisk(risk);
    return SCANNERS.filter((scanner) => checks.some((check) => this.ruleLinksOfCheck(check).some((link) => link.rule.scanner === scanner)));
  }

  // Frameworks (declared on the risk)
  risksMappedTo(framework: FrameworkKey, id: string): RiskEntry[] {
    return [...(this.#risksByFramework.get(`${framework}:${id.toUpperCase()}`) ?? [])].sort(bySeverityThenId);
  }
  mitigationsImplementing(nistSection: string): MitigationEntry[] {
    return this.#mitigationsByNist.get(nistSection) ?? [];
  }

  replacementOf(entry: IdEntry): IdEntry | undefined {
    const replacedBy = entry.data.deprecated?.replacedBy;
    return replacedBy ? this.#byId.get(replacedBy) : undefined;
  }

  #resolve<K extends IdEntry['kind']>(ids: readonly string[], kind: K): Extract<IdEntry, { kind: K }>[] {
    return ids.flatMap((id) => {
      const entry = this.#byId.get(id);
      return entry && entry.kind === kind ? [entry as Extract<IdEntry, { kind: K }>] : [];
    });
  }
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

