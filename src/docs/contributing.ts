const EXAMPLE = /<!-- example: (\S+) -->\n[\s\S]*?<!-- \/example -->/g;

/** Replaces each example region of the guide with the current text of the file it names. */
export function renderContributingExamples(guide: string, read: (path: string) => string): string {
  return guide.replace(EXAMPLE, (_, path: string) => `<!-- example: ${path} -->\n\`${path}\`:\n\n\`\`\`\`mdx\n${read(path).trimEnd()}\n\`\`\`\`\n<!-- /example -->`);
}
