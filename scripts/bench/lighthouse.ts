/**
 * npm run bench:lighthouse — Lighthouse (performance, accessibility, best practices, SEO) on the
 * home page, a risk page and a matrix page of the built site (dist/), in the Chromium that
 * src/browser.ts chooses, with Lighthouse's two official presets: mobile (the default: slow 4G,
 * 4× CPU slowdown) and desktop. Prints one row per page and preset; the budget is 100 in every
 * category.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumExecutable } from '../../src/browser.ts';
import { benchmarkPages } from './pages.ts';
import { startPreview } from '../serve.ts';

const pages = benchmarkPages();
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

// BULKHEAD_DIST measures another build than dist/; the server takes any free port.
const server = await startPreview(0, process.env.BULKHEAD_DIST ?? 'dist');
const chromePath = chromiumExecutable();
const chrome = await chromeLauncher.launch({ ...(chromePath ? { chromePath } : {}), chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
let belowBudget = 0;
try {
  console.log(`${'page'.padEnd(20)} ${CATEGORIES.map((category) => category.padStart(15)).join('')}`);
  for (const { name, path } of pages) for (const preset of ['mobile', 'desktop'] as const) {
    const result = await lighthouse(`${server.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }, preset === 'desktop' ? desktopConfig : undefined);
    const categories = result?.lhr.categories ?? {};
    const scores = CATEGORIES.map((category) => Math.round((categories[category]?.score ?? 0) * 100));
    belowBudget += scores.filter((score) => score < 100).length;
    console.log(`${`${name} ${preset}`.padEnd(20)} ${scores.map((score) => String(score).padStart(15)).join('')}`);
    for (const category of CATEGORIES) {
      for (const reference of categories[category]?.auditRefs ?? []) {
        const audit = result?.lhr.audits[reference.id];
        if (audit && audit.score !== null && audit.score < 1 && reference.weight > 0) console.log(`                     ${category}: ${audit.id} (${audit.title}) score ${audit.score}`);
      }
    }
  }
} finally {
  chrome.kill();
  await server.stop();
}
console.log(belowBudget === 0 ? 'every score is 100' : `${belowBudget} scores below 100`);
