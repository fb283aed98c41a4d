import type { APIRoute } from 'astro';
import { buildIdIndex } from '../../search/build-index.ts';
import { getGraph } from '../../site/graph.ts';
import { getRefRecords } from '../../site/refs.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(buildIdIndex(getGraph(), getRefRecords())), { headers: { 'Content-Type': 'application/json' } });
