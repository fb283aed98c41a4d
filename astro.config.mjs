// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { bulkhead } from './src/integration/bulkhead.ts';
import { remarkBaseLinks } from './src/integration/remark-base-links.ts';
import { remarkIdLinks } from './src/integration/remark-id-links.ts';
import { siteLocation } from './src/model/urls.ts';

// BULKHEAD_SITE / BULKHEAD_BASE (src/model/urls.ts decides, and everything else asks it).
const location = siteLocation();

export default defineConfig({
  site: location.origin,
  base: location.base,
  // The scale benchmark builds in a private copy with its own cache, and the fixture build under a
  // base path keeps its own (Astro clears its content cache when the config, base included, changes).
  ...(process.env.BULKHEAD_ASTRO_CACHE_DIR ? { cacheDir: process.env.BULKHEAD_ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  vite: {
    build: {
      // Scripts become files, never inline: the Content-Security-Policy (src/site/csp.ts) allows
      // scripts from this site and a fixed list of inline ones, so an injected one cannot run.
      assetsInlineLimit: (file) => (/\.[cm]?js$/.test(file) ? false : undefined),
      rolldownOptions: {
        // Astro marks every MDX module with "use astro:head-inject", which Rolldown reports once per
        // entry (withastro/astro#18087): hundreds of identical warnings that would bury real ones,
        // and thousands that slow a large build down. No other module here uses a directive.
        checks: { moduleLevelDirective: false },
      },
    },
  },
  // Astro 7's default processor runs no remark plugins; the unified one does, and MDX inherits it.
  markdown: { processor: unified({ remarkPlugins: [remarkIdLinks, remarkBaseLinks] }) },
  integrations: [
    bulkhead(),
    starlight({
      title: 'Bulkhead',
      description: 'Container-security threat model: risks, mitigations and the checks that verify them for every stage of the container life cycle.',
      logo: { src: './src/assets/logo.svg' },
      customCss: ['./src/styles/bulkhead.css'],
      // Marks that scripts run before the first paint, so controls that need JavaScript take their
      // place at once instead of appearing later and pushing the content down (layout shift).
      head: [{ tag: 'script', content: "document.documentElement.classList.add('js')" }],
      disable404Route: true,
      // Indexed by scripts/build.ts after Astro exits, so the two never hold memory at once.
      pagefind: false,
      routeMiddleware: './src/site/route-data.ts',
      components: {
        Search: './src/components/overrides/Search.astro',
      },
      sidebar: [
        { label: 'Start here', items: [{ label: 'Overview', link: '/' }, { label: 'Link scanner findings', link: '/guides/scanner-links/' }, { label: 'Run the checks (CLI)', link: '/guides/bulkhead-check/' }, { label: 'Contributing', link: '/guides/contributing/' }] },
        {
          label: 'Life-cycle stages',
          items: [
            { label: '1 · Image', link: '/stages/image/' },
            { label: '2 · Registry', link: '/stages/registry/' },
            { label: '3 · Orchestration', link: '/stages/orchestration/' },
            { label: '4 · Container', link: '/stages/container/' },
            { label: '5 · Host', link: '/stages/host/' },
          ],
        },
        {
          label: 'Browse',
          items: [
            { label: 'Risks', link: '/risks/' },
            { label: 'Mitigations', link: '/mitigations/' },
            { label: 'Checks', link: '/checks/' },
            { label: 'Concepts', link: '/concepts/' },
            { label: 'Incidents', link: '/incidents/' },
            { label: 'Sources', link: '/sources/' },
          ],
        },
        {
          label: 'Matrices',
          items: [{ label: 'All matrices and exports', link: '/matrices/' }],
        },
      ],
    }),
    mdx(),
  ],
});
