import type { APIRoute } from 'astro';
import { matrixToCsv } from '../../matrices/csv.ts';
import { getMatrices } from '../../site/matrices.ts';

export function getStaticPaths() {
  return getMatrices().map((matrix) => ({ params: { id: matrix.id } }));
}

export const GET: APIRoute = ({ params }) => {
  const matrix = getMatrices().find((candidate) => candidate.id === params.id);
  if (!matrix) return new Response('unknown matrix', { status: 404 });
  return new Response(matrixToCsv(matrix), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
