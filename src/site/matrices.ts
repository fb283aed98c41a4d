import { buildMatrices } from '../matrices/builders.ts';
import type { Matrix } from '../matrices/model.ts';
import { getGraph } from './graph.ts';

let cached: Matrix[] | undefined;

export function getMatrices(): Matrix[] {
  cached ??= buildMatrices(getGraph());
  return cached;
}
