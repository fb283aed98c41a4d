/**
 * Runs a composite GitHub Action (action.yml) locally as the runner would: inputs with their
 * defaults, each step's `if` and `${{ }}` expressions evaluated, `run` steps executed with bash
 * as `shell: bash` does (bash --noprofile --norc -eo pipefail), GITHUB_OUTPUT read back into
 * step outputs. Steps that `uses:` another action are not run; they are returned with their
 * evaluated `with:` so a test can check what they would receive (the SARIF upload).
 * Expressions beyond what action.yml uses (context paths, '…' strings, ==, !=, &&) are refused,
 * so a new expression cannot be silently misread.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface InputSpec {
  default?: string;
}

interface Step {
  name: string;
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

export interface CompositeAction {
  name: string;
  inputs: Record<string, InputSpec>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

export interface StepResult {
  name: string;
  ran: boolean;
  uses?: string;
  with?: Record<string, string>;
  status?: number;
  stdout?: string;
  stderr?: string;
  outputs: Record<string, string>;
}

export interface ActionRun {
  /** The status of the first failing run step, or 0. */
  status: number;
  steps: StepResult[];
  outputs: Record<string, string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function stringRecord(value: unknown, where: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new Error(`${where} must be a mapping`);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}

export function readAction(file: string): CompositeAction {
  const document: unknown = parse(readFileSync(file, 'utf8'));
  if (!isRecord(document) || !isRecord(document.runs) || !Array.isArray(document.runs.steps)) throw new Error(`${file}: not an action with runs.steps`);
  const steps = document.runs.steps.map((step: unknown, index): Step => {
    if (!isRecord(step) || typeof step.name !== 'string') throw new Error(`${file}: step ${index} has no name`);
    return {
      name: step.name,
      ...(typeof step.id === 'string' ? { id: step.id } : {}),
      ...(typeof step.if === 'string' ? { if: step.if } : {}),
      ...(typeof step.shell === 'string' ? { shell: step.shell } : {}),
      ...(typeof step.run === 'string' ? { run: step.run } : {}),
      ...(typeof step.uses === 'string' ? { uses: step.uses } : {}),
      env: stringRecord(step.env, `${step.name}.env`),
      with: stringRecord(step.with, `${step.name}.with`),
    };
  });
  const inputs = isRecord(document.inputs) ? Object.fromEntries(Object.entries(document.inputs).map(([key, spec]) => [key, isRecord(spec) && spec.default !== undefined ? { default: String(spec.default) } : {}])) : {};
  const outputs = isRecord(document.outputs) ? Object.fromEntries(Object.entries(document.outputs).map(([key, spec]) => [key, { value: isRecord(spec) ? String(spec.value ?? '') : '' }])) : {};
  return { name: String(document.name), inputs, outputs, runs: { using: String(document.runs.using), steps } };
}

interface Context {
  inputs: Record<string, string>;
  steps: Record<string, Record<string, string>>;
}

function operand(token: string, context: Context): string {
  const quoted = /^'((?:[^']|'')*)'$/.exec(token);
  if (quoted) return (quoted[1] ?? '').replaceAll("''", "'");
  const input = /^inputs\.([A-Za-z0-9_-]+)$/.exec(token);
  if (input) return context.inputs[input[1] ?? ''] ?? '';
  const output = /^steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$/.exec(token);
  if (output) return context.steps[output[1] ?? '']?.[output[2] ?? ''] ?? '';
  throw new Error(`unsupported expression operand: ${token}`);
}

/** `a == 'x' && b != ''` and bare operands (true when not empty); anything else throws. */
export function evaluateCondition(expression: string, context: Context): boolean {
  if (/\|\||[()!](?!=)/.test(expression.replace(/'(?:[^']|'')*'/g, "''"))) throw new Error(`unsupported expression: ${expression}`);
  return expression.split('&&').every((clause) => {
    const match = /^\s*(\S+)\s*(==|!=)\s*(\S+)\s*$/.exec(clause);
    if (!match) return operand(clause.trim(), context) !== '';
    const [left, right] = [operand(match[1] ?? '', context), operand(match[3] ?? '', context)];
    return match[2] === '==' ? left === right : left !== right;
  });
}

function interpolate(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_all, expression: string) => operand(expression, context));
}

function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      for (index++; index < lines.length && lines[index] !== heredoc[2]; index++) value.push(lines[index] ?? '');
      outputs[heredoc[1] ?? ''] = value.join('\n');
    } else if (line.includes('=')) outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return outputs;
}

export interface RunOptions {
  inputs: Record<string, string>;
  /** The checked-out repository the action runs in (GITHUB_WORKSPACE and the working directory). */
  workspace: string;
  /** The action's own directory (GITHUB_ACTION_PATH). */
  actionPath: string;
  env: Record<string, string | undefined>;
}

export function runCompositeAction(action: CompositeAction, options: RunOptions): ActionRun {
  if (action.runs.using !== 'composite') throw new Error(`not a composite action: ${action.runs.using}`);
  const unknown = Object.keys(options.inputs).filter((key) => !(key in action.inputs));
  if (unknown.length > 0) throw new Error(`unknown inputs: ${unknown.join(', ')}`);
  const context: Context = { inputs: Object.fromEntries(Object.entries(action.inputs).map(([key, spec]) => [key, options.inputs[key] ?? spec.default ?? ''])), steps: {} };
  const runnerTemp = mkdtempSync(join(options.workspace, '..', 'runner-temp-'));
  const results: StepResult[] = [];
  let status = 0;
  for (const [index, step] of action.runs.steps.entries()) {
    const ran = status === 0 && (step.if === undefined || evaluateCondition(step.if, context));
    const evaluated = (record: Record<string, string> | undefined) => Object.fromEntries(Object.entries(record ?? {}).map(([key, value]) => [key, interpolate(value, context)]));
    if (!ran || step.uses !== undefined) {
      results.push({ name: step.name, ran, ...(step.uses ? { uses: step.uses, with: ran ? evaluated(step.with) : {} } : {}), outputs: {} });
      continue;
    }
    if (step.run === undefined || step.shell !== 'bash') throw new Error(`step "${step.name}": only run steps with shell: bash are supported`);
    const outputFile = join(runnerTemp, `output-${index}`);
    const scriptFile = join(runnerTemp, `step-${index}.sh`);
    writeFileSync(outputFile, '');
    writeFileSync(scriptFile, step.run);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', scriptFile], {
      cwd: options.workspace,
      encoding: 'utf8',
      env: { ...options.env, ...evaluated(step.env), GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: options.workspace, GITHUB_ACTION_PATH: options.actionPath, RUNNER_TEMP: runnerTemp },
      timeout: 60_000,
    });
    const outputs = readOutputs(outputFile);
    if (step.id) context.steps[step.id] = outputs;
    results.push({ name: step.name, ran: true, status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, outputs });
    if (result.status !== 0) status = result.status ?? -1;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([key, spec]) => [key, interpolate(spec.value, context)]));
  return { status, steps: results, outputs };
}
