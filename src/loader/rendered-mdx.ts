import { isUnifiedProcessor, unified } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import type { Root, RootContent } from 'mdast';
import remarkMdx from 'remark-mdx';
import { pathToFileURL } from 'node:url';
import type { VFile } from 'vfile';
import { MDX_CONSTRUCT_SUGGESTION, UNSAFE_LINK_SUGGESTION, constructsIn, isMdxComment } from './mdx-constructs.ts';

/**
 * A glob loader for MDX entries that renders each body to HTML while content loads, as Astro does
 * for .md files, instead of compiling one JavaScript module per entry for the page bundle.
 *
 * Why: at 5,000 risks the site has ~15,000 entries, and bundling that many MDX modules took Rolldown
 * past 4 GB of memory and a minute of a cold build. Rendered HTML is kept in Astro's content cache,
 * so an unchanged entry is not rendered again on the next build either.
 *
 * Bodies keep MDX syntax (no indented code, no raw HTML, no autolinks) and the site's Markdown
 * plugins, which Starlight and this project register on `markdown.processor` and @astrojs/mdx reads
 * from the same place. MDX's own constructs cannot be rendered to static HTML: the `mdx-body`
 * integrity rule reports them before the build, and the renderer refuses them as a last line.
 */

type RenderedContent = { html: string; metadata?: Record<string, unknown> };
type EntryInfo = { data: Record<string, unknown>; body: string; slug: string; rawData: string };
interface EntryType {
  extensions: string[];
  getEntryInfo(params: { fileUrl: URL; contents: string }): EntryInfo | Promise<EntryInfo>;
  getRenderFunction?(config: AstroConfig): Promise<(entry: { body?: string; filePath?: string; data: Record<string, unknown> }) => Promise<RenderedContent>>;
  handlePropagation?: boolean;
}
/** Astro passes its glob loader the entry types by extension; not part of the public LoaderContext type. */
type GlobContext = LoaderContext & { entryTypes?: Map<string, EntryType> };

/** Drops MDX comments and fails the render of a body that holds any other MDX construct, naming the file, line and construct. */
function remarkRefuseMdxConstructs() {
  return (tree: Root, file: VFile): void => {
    const [first] = constructsIn(tree, String(file.value));
    if (first) throw new Error(`${file.path ?? 'an MDX body'}:${first.line}: ${first.kind === 'unsafe link' ? 'an unsafe link' : `an MDX ${first.kind}`} (${first.text}) is not allowed in an entry body; ${first.kind === 'unsafe link' ? UNSAFE_LINK_SUGGESTION : MDX_CONSTRUCT_SUGGESTION}`);
    const dropComments = (node: Root | RootContent): void => {
      if (!('children' in node)) return;
      // Each parent's children are one array type; filtering keeps it, which TypeScript cannot see.
      (node.children as RootContent[]) = (node.children as RootContent[]).filter((child) => !isMdxComment(child));
      node.children.forEach(dropComments);
    };
    dropComments(tree);
  };
}

async function mdxToHtml(config: AstroConfig) {
  const { markdown, image } = config;
  if (!isUnifiedProcessor(markdown.processor)) {
    throw new Error(`astro.config.mjs: markdown.processor is "${markdown.processor.name}"; src/loader/rendered-mdx.ts renders MDX bodies with the unified processor and needs it`);
  }
  const { options } = markdown.processor;
  const renderer = await unified({ ...options, remarkPlugins: [remarkMdx, remarkRefuseMdxConstructs, ...options.remarkPlugins] }).createRenderer({
    image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  });
  return async (entry: { body?: string; filePath?: string; data: Record<string, unknown> }): Promise<RenderedContent> => {
    const result = await renderer.render(entry.body ?? '', { frontmatter: entry.data, ...(entry.filePath ? { fileURL: pathToFileURL(entry.filePath) } : {}) });
    return { html: result.code, metadata: { ...result.metadata, imagePaths: [...result.metadata.localImagePaths, ...result.metadata.remoteImagePaths] } };
  };
}

export function renderedMdx(options: { base: string; pattern: string }): Loader {
  const inner = glob({ ...options, retainBody: false });
  return {
    name: 'bulkhead-rendered-mdx',
    async load(context: GlobContext) {
      const mdx = context.entryTypes?.get('.mdx');
      if (!context.entryTypes || !mdx) {
        throw new Error('src/loader/rendered-mdx.ts: Astro no longer hands its glob loader an entry type for .mdx; check the installed Astro version against this loader');
      }
      // Astro's glob loader logs a failed render and stores the entry without HTML; collect them so
      // the build fails, listing every such file, instead of publishing pages with empty bodies.
      const failures: string[] = [];
      const renderedType: EntryType = {
        extensions: mdx.extensions,
        getEntryInfo: (params) => mdx.getEntryInfo(params),
        handlePropagation: false,
        async getRenderFunction(config) {
          const render = await mdxToHtml(config);
          return async (entry) => {
            try {
              return await render(entry);
            } catch (error) {
              failures.push(error instanceof Error ? error.message : String(error));
              throw error;
            }
          };
        },
      };
      await inner.load({ ...context, entryTypes: new Map([...context.entryTypes, ['.mdx', renderedType]]) } as GlobContext);
      if (failures.length > 0) throw new Error(`${failures.length} MDX ${failures.length === 1 ? 'body' : 'bodies'} in collection "${context.collection}" could not be rendered:\n${failures.join('\n')}`);
    },
  };
}
