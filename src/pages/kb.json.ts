import type { APIRoute } from 'astro';
import { buildKnowledgeBase } from '../exports/kb.ts';
import { getGraph } from '../site/graph.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(buildKnowledgeBase(getGraph(), new Date().toISOString())), { headers: { 'Content-Type': 'application/json' } });
