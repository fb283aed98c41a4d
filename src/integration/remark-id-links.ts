import { ID_MENTION, mentionPath } from '../model/id-mentions.ts';

interface TextNode {
  type: 'text';
  value: string;
}
interface LinkNode {
  type: 'link';
  url: string;
  title: null;
  children: TextNode[];
}
interface ParentNode {
  type: string;
  children?: MdNode[];
}
type MdNode = TextNode | LinkNode | ParentNode;

/** Parents whose text must stay plain: links already link, headings are anchors. */
const SKIP = new Set(['link', 'linkReference', 'heading', 'definition']);

function splitText(node: TextNode): MdNode[] {
  const parts: MdNode[] = [];
  let last = 0;
  for (const match of node.value.matchAll(ID_MENTION)) {
    const path = mentionPath(match[0]);
    if (!path || match.index === undefined) continue;
    if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
    parts.push({ type: 'link', url: path, title: null, children: [{ type: 'text', value: match[0] }] });
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return [node];
  if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
  return parts;
}

function walk(node: ParentNode): void {
  if (!node.children || SKIP.has(node.type)) return;
  node.children = node.children.flatMap((child) => (child.type === 'text' ? splitText(child as TextNode) : (walk(child as ParentNode), [child])));
}

/**
 * Turns Bulkhead IDs written in prose ("see BH-CO-007") into links to their pages. The
 * integrity rule body-references makes sure every mentioned ID exists, so no link is dead.
 */
export function remarkIdLinks() {
  return (tree: ParentNode) => walk(tree);
}
