declare module '*.md' {
  import type { MarkdownHeading } from 'astro';
  export const Content: (props: Record<string, unknown>) => unknown;
  export function getHeadings(): MarkdownHeading[];
}
