export interface RunSummary {
  filesChecked: number;
  /** Files a directory walk found but that are no container artifact (a CI workflow, a values file). */
  filesSkipped: number;
  inputErrors: number;
  checksRun: number;
}
