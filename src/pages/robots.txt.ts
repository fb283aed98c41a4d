import type { APIRoute } from 'astro';
import { absoluteUrl } from '../model/urls.ts';

// Under a base path (BULKHEAD_BASE) the sitemap is there too; crawlers read robots.txt only at the
// host's root, so a copy under a sub-path lists its sitemap in the host's own robots.txt.

export const GET: APIRoute = () => new Response(`User-agent: *\nAllow: /\nSitemap: ${absoluteUrl('/sitemap-index.xml')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
