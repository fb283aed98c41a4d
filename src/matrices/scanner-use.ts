import type { ScannerKey } from '../model/vocabulary.ts';

/** The program names under which each scanner is run from a shell. */
const PROGRAMS: Record<ScannerKey, RegExp> = {
  trivy: /^trivy$/,
  kubescape: /^kubescape$/,
  'kube-bench': /^kube-bench$/,
  'docker-bench': /^docker-bench(?:-security)?(?:\.sh)?$/,
  checkov: /^checkov$/,
};

/**
 * The scanners a check's command runs itself (BH-CK-017 runs `trivy image`). Such a check is
 * answered by the scanner even when no catalogued rule maps to it: Trivy's vulnerability scan is
 * not a misconfiguration rule, so the Check × scanner matrix says "runs Trivy" instead of "—".
 * Only words in command position count: after the start, a pipe, `;`, `&&`, `||`, `(` or `$(`.
 */
export function scannersRunBy(command: string): ScannerKey[] {
  const found = new Set<ScannerKey>();
  for (const segment of command.split(/\|\|?|;|&&|\$\(|\(|\n|`/)) {
    const words = segment.trim().split(/\s+/);
    // Skip environment assignments and wrappers that run the next word (sudo, env, exec, time).
    const program = words.find((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word) && !['sudo', 'env', 'exec', 'time', 'command'].includes(word));
    if (!program) continue;
    const name = program.split('/').at(-1) ?? program;
    for (const [scanner, pattern] of Object.entries(PROGRAMS) as [ScannerKey, RegExp][]) if (pattern.test(name)) found.add(scanner);
  }
  return [...found];
}
