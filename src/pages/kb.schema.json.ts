import type { APIRoute } from 'astro';
import { buildKnowledgeBaseSchema } from '../exports/kb.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(buildKnowledgeBaseSchema(), null, 1), { headers: { 'Content-Type': 'application/schema+json' } });
