import { afterEach, describe, expect, it, vi } from 'vitest';
import { lowerCaseCandidate } from '../../src/client/not-found.ts';
import { remarkBaseLinks } from '../../src/integration/remark-base-links.ts';
import { absoluteUrl, normalizeBase, siteLocation, siteUrl, withBase } from '../../src/model/urls.ts';

/** Where a self-hosted copy lives (issue 17): one decision in src/model/urls.ts, asked by everything. */
describe('siteLocation', () => {
  it('is https://bulkhead.dev at / when nothing is set', () => {
    expect(siteLocation({})).toEqual({ origin: 'https://bulkhead.dev', base: '/' });
  });

  it('takes BULKHEAD_SITE first, BULKHEAD_SITE_URL (the older name) when it is the only one', () => {
    expect(siteLocation({ BULKHEAD_SITE: 'https://kb.example.org', BULKHEAD_SITE_URL: 'https://old.example.org' }).origin).toBe('https://kb.example.org');
    expect(siteLocation({ BULKHEAD_SITE_URL: 'https://old.example.org/' }).origin).toBe('https://old.example.org');
  });

  it('serves under BULKHEAD_BASE, or under the site URL’s own path when there is none', () => {
    expect(siteLocation({ BULKHEAD_SITE: 'https://kb.example.org', BULKHEAD_BASE: 'kb' })).toEqual({ origin: 'https://kb.example.org', base: '/kb/' });
    expect(siteLocation({ BULKHEAD_SITE: 'https://intranet.example/security/kb' })).toEqual({ origin: 'https://intranet.example', base: '/security/kb/' });
    expect(siteLocation({ BULKHEAD_SITE: 'https://intranet.example/kb/', BULKHEAD_BASE: '/kb' }).base).toBe('/kb/');
  });

  it('refuses a site URL path and a BULKHEAD_BASE that disagree, and a site URL that is not one', () => {
    expect(() => siteLocation({ BULKHEAD_SITE: 'https://intranet.example/kb/', BULKHEAD_BASE: '/docs/' })).toThrow(/BULKHEAD_BASE is "\/docs\/" but the site URL "https:\/\/intranet.example\/kb\/" has the path "\/kb\/"/);
    expect(() => siteLocation({ BULKHEAD_SITE: 'kb.example.org' })).toThrow(/not a URL/);
  });

  it('normalizes a base however it is written', () => {
    expect(['kb', '/kb', '/kb/', '//kb//'].map(normalizeBase)).toEqual(['/kb/', '/kb/', '/kb/', '/kb/']);
    expect(['', '/', undefined].map(normalizeBase)).toEqual(['/', '/', '/']);
  });
});

describe('links under a base path', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('leave the default build’s links and URLs as they were', () => {
    vi.stubEnv('BULKHEAD_SITE', '');
    vi.stubEnv('BULKHEAD_SITE_URL', '');
    vi.stubEnv('BULKHEAD_BASE', '');
    expect(withBase('/risks/bh-r-001/')).toBe('/risks/bh-r-001/');
    expect(withBase('/')).toBe('/');
    expect(siteUrl()).toBe('https://bulkhead.dev');
    expect(absoluteUrl('/ref/trivy/ksv-0017/')).toBe('https://bulkhead.dev/ref/trivy/ksv-0017/');
  });

  it('put the base in front of site paths, and site + base in front of absolute URLs', () => {
    vi.stubEnv('BULKHEAD_SITE', 'https://kb.example.org');
    vi.stubEnv('BULKHEAD_BASE', '/kb/');
    expect(withBase('/risks/bh-r-001/')).toBe('/kb/risks/bh-r-001/');
    expect(withBase('/')).toBe('/kb/');
    expect(siteUrl()).toBe('https://kb.example.org/kb');
    expect(absoluteUrl('/ref/trivy/ksv-0017/')).toBe('https://kb.example.org/kb/ref/trivy/ksv-0017/');
  });

  it('rebase the site paths of Markdown links and ID links, and nothing else', () => {
    vi.stubEnv('BULKHEAD_BASE', '/kb/');
    const tree = {
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'link', url: '/ref/trivy.json', children: [] }, { type: 'link', url: 'https://kubernetes.io/docs/', children: [] }, { type: 'link', url: '#attack-path', children: [] }, { type: 'link', url: '//cdn.example/x', children: [] }] },
        { type: 'definition', url: '/guides/bulkhead-check/' },
      ],
    };
    remarkBaseLinks()(tree);
    const urls = JSON.stringify(tree).match(/"url":"[^"]*"/g);
    expect(urls).toEqual(['"url":"/kb/ref/trivy.json"', '"url":"https://kubernetes.io/docs/"', '"url":"#attack-path"', '"url":"//cdn.example/x"', '"url":"/kb/guides/bulkhead-check/"']);
  });

  it('lower-case only the part of a missing address after the base (the 404 page’s redirect)', () => {
    expect(lowerCaseCandidate('/kb/ref/trivy/KSV017/', '/kb/')).toBe('/kb/ref/trivy/ksv017/');
    expect(lowerCaseCandidate('/KB/ref/trivy/KSV017/', '/KB/')).toBe('/KB/ref/trivy/ksv017/');
    expect(lowerCaseCandidate('/KB/ref/trivy/ksv017/', '/KB/')).toBeUndefined();
  });
});
