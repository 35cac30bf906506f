import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Pluggable, type PluggableList } from 'unified';
import { rehypeExternalLinks, type ExternalLinkOptions } from './external-links.ts';
import { rehypeHeadingAnchors, type HeadingAnchorOptions } from './heading-anchors.ts';
import { remarkLimits } from './limits.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import { rehypeSiteLinks } from './site-links.ts';
import { rehypeUserContentIds } from './user-content-ids.ts';
import { rehypeVideoEmbeds, type VideoEmbedOptions } from './video-embeds.ts';

export { sanitizeSchema } from './sanitize-schema.ts';
export { checkMarkdownText, MAX_BODY_CHARACTERS, MAX_NESTING_DEPTH, MarkdownLimitError, remarkLimits } from './limits.ts';
export type { Label } from './labels.ts';
export { rehypeHeadingAnchors } from './heading-anchors.ts';
export { rehypeExternalLinks, isExternalHref } from './external-links.ts';
export { rehypeUserContentIds, USER_CONTENT_PREFIX } from './user-content-ids.ts';
export { rehypeSiteLinks } from './site-links.ts';
export { rehypeVideoEmbeds, VIDEO_PLAYER_SCRIPT, type VideoEmbedOptions } from './video-embeds.ts';

export interface PipelineOptions {
  /** The site's origin, so links to it are not marked external. */
  site?: string | undefined;
  /** The base path the site is published under, added to links written from the root. */
  base?: string | undefined;
  headingAnchors?: HeadingAnchorOptions;
  externalLinks?: Omit<ExternalLinkOptions, 'site'>;
  /** Video links on a line of their own become play buttons (off without a resolver). */
  videoEmbeds?: VideoEmbedOptions | undefined;
}

/**
 * The remark plugins of the body pipeline, after remark-parse: the limits of a body's size and
 * nesting (`limits.ts`), checked before the steps that would be slow or overflow on it.
 */
export function remarkPlugins(): PluggableList {
  return [remarkLimits];
}

/**
 * The rehype plugins of the body pipeline, in order: raw HTML parsed, sanitised with the
 * allow-list, ids put under "user-content-", then heading anchors and external-link marks added
 * (after sanitising, so the kit's own attributes are never stripped and an author's never
 * trusted), video links on a line of their own turned into play buttons when the site passes a resolver, and the base path added to links written from the site's root. A site build runs them after Astro's own remark-rehype, with its default options.
 */
export function rehypePlugins(options: PipelineOptions = {}): PluggableList {
  return [
    rehypeRaw,
    [rehypeSanitize, sanitizeSchema],
    rehypeUserContentIds,
    ...(options.videoEmbeds ? [[rehypeVideoEmbeds, options.videoEmbeds] satisfies Pluggable] : []),
    [rehypeHeadingAnchors, options.headingAnchors ?? {}],
    [rehypeExternalLinks, { ...options.externalLinks, site: options.site }],
    [rehypeSiteLinks, { base: options.base }],
  ];
}

/** Renders Markdown to safe HTML with the same plugins a site build uses (tests, previews). */
export async function renderMarkdown(markdown: string, options: PipelineOptions = {}): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkPlugins())
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypePlugins(options))
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}
