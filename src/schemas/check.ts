import { z } from 'astro/zod';
import { ENVIRONMENTS, ID_FORMATS } from '../model/vocabulary.ts';
import { baseEntry } from './common.ts';

/** Scanner rules that report the same condition, by the scanner's canonical rule ID. */
export const scannerRuleRefs = z.strictObject({
  /** trivy-checks IDs in the current form, e.g. "KSV-0017", "DS-0002". */
  trivy: z.array(z.string()).default([]),
  /** Kubescape control IDs, e.g. "C-0057". */
  kubescape: z.array(z.string()).default([]),
  /** CIS Kubernetes Benchmark numbers as kube-bench prints them, e.g. "5.2.2". */
  'kube-bench': z.array(z.string()).default([]),
  /** CIS Docker Benchmark numbers as docker-bench-security prints them, e.g. "5.5". */
  'docker-bench': z.array(z.string()).default([]),
  /** Checkov check IDs, e.g. "CKV_K8S_16". */
  checkov: z.array(z.string()).default([]),
});
export type ScannerRuleRefs = z.infer<typeof scannerRuleRefs>;

export const checkSchema = baseEntry(ID_FORMATS.checks.pattern, ID_FORMATS.checks.example).extend({
  /** The condition that holds when the mitigation is in place, as one sentence. */
  verifies: z.string().min(10),
  /** Where the command runs. */
  environments: z.array(z.enum(ENVIRONMENTS)).min(1),
  /** The exact command a person runs; placeholders in UPPER_CASE. */
  command: z.string().min(3),
  /** What the command prints. */
  expected: z.strictObject({
    /** Output that means the mitigation is in place. */
    pass: z.string().min(1),
    /** Output that means it is not. */
    fail: z.string().min(1),
  }),
  /** Scanner rules that report the same condition. */
  scannerRules: scannerRuleRefs.default({ trivy: [], kubescape: [], 'kube-bench': [], 'docker-bench': [], checkov: [] }),
});
export type CheckData = z.infer<typeof checkSchema>;
