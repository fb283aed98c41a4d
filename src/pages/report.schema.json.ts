import type { APIRoute } from 'astro';
import { withBase } from '../model/urls.ts';
import { REPORT_SCHEMA_PATH, reportSchema } from '../report/schema.ts';

/** The schema of `bulkhead report --format json`, for dashboards that read the report. */
// Its $id is where it is served, under the site's base.
export const GET: APIRoute = () => new Response(JSON.stringify({ ...reportSchema(), $id: withBase(REPORT_SCHEMA_PATH) }, null, 1), { headers: { 'Content-Type': 'application/schema+json' } });
