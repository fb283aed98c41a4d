import type { APIRoute } from 'astro';
import { reportSchema } from '../report/schema.ts';

/** The schema of `bulkhead report --format json`, for dashboards that read the report. */
export const GET: APIRoute = () => new Response(JSON.stringify(reportSchema(), null, 1), { headers: { 'Content-Type': 'application/schema+json' } });
