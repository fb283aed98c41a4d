import type { APIRoute } from 'astro';
import { scannerLinkMap } from '../../refs/records.ts';
import { SCANNERS, type ScannerKey } from '../../model/vocabulary.ts';
import { getRefRecords } from '../../site/refs.ts';
import { entryUrl, withBase } from '../../model/urls.ts';

export function getStaticPaths() {
  return SCANNERS.map((scanner) => ({ params: { scanner } }));
}

export const GET: APIRoute = ({ params }) => {
  const map = scannerLinkMap(getRefRecords(), params.scanner as ScannerKey, entryUrl, withBase);
  return new Response(JSON.stringify(map, null, 1), { headers: { 'Content-Type': 'application/json' } });
};
