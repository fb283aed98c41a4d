import { withBase } from '../model/urls.ts';

interface MdNode {
  type: string;
  url?: string;
  children?: MdNode[];
}

/** A root-relative site path ('/ref/trivy.json'), not a protocol-relative URL ('//host/x'). */
const SITE_PATH = /^\/(?!\/)/;

function rebase(node: MdNode): void {
  if ((node.type === 'link' || node.type === 'definition' || node.type === 'image') && node.url && SITE_PATH.test(node.url)) node.url = withBase(node.url);
  node.children?.forEach(rebase);
}

/**
 * Links written in Markdown as site paths ("[the map](/ref/trivy.json)", and the ID links of
 * remarkIdLinks) point into the site wherever it is served: under BULKHEAD_BASE=/kb/ they become
 * /kb/ref/trivy.json. Registered after remarkIdLinks, so the base is added in this one place.
 */
export function remarkBaseLinks() {
  return (tree: MdNode) => rebase(tree);
}
