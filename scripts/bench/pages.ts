import { validateContent } from '../../src/integrity/validate.ts';
import { entryUrl } from '../../src/model/urls.ts';

/** The three pages the site budgets are measured on: the home page, the first risk and the threat matrix. */
export function benchmarkPages(): { name: string; path: string }[] {
  const { graph } = validateContent(process.cwd());
  const risk = graph.risks[0];
  return [
    { name: 'home', path: '/' },
    { name: 'risk page', path: risk ? entryUrl(risk) : '/risks/' },
    { name: 'matrix page', path: '/matrices/threats/' },
  ];
}
