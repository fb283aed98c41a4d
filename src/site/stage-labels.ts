import type { StageEntry } from '../graph/entries.ts';
import { entryUrl, withBase } from '../model/urls.ts';

/** "4 · Container runtime" for the link to a stage page (as Starlight writes it, under the base); undefined for any other link. */
export function stageLinkLabel(stages: readonly StageEntry[], href: string): string | undefined {
  const path = href.replace(/[?#].*$/, '').replace(/\/?$/, '/');
  const stage = stages.find((candidate) => withBase(entryUrl(candidate)) === path);
  return stage ? `${stage.data.order} · ${stage.data.title}` : undefined;
}
