import type { APIRoute } from 'astro';
import { buildNavigatorLayer } from '../../exports/navigator.ts';
import { getGraph } from '../../site/graph.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(buildNavigatorLayer(getGraph()), null, 1), { headers: { 'Content-Type': 'application/json' } });
