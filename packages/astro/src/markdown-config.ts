import { relative, resolve } from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import { createTranslator, videoEmbed, type Locale, type SiteSettings, type UiStringKey } from '@openoutreach/core';
import { rehypePlugins, remarkPlugins } from '@openoutreach/markdown';
import type { AstroConfig, RehypePlugins, RemarkPlugins } from 'astro';
import { siteMarkdown } from './site-markdown.ts';

/** What the Markdown processor needs of the site. */
export interface MarkdownSite {
  root: string;
  base: string;
  settings: SiteSettings;
  /** The site's languages, its default first. */
  locales: readonly string[];
}

/**
 * The Markdown part of the Astro config: the kit's remark and rehype plugins, then the site's own
 * (see site-markdown.ts). Markdown is rendered once per file, so the labels the plugins add speak
 * the language of the file's folder.
 */
export function markdownConfig(config: AstroConfig, { root, base, settings, locales }: MarkdownSite): Partial<AstroConfig['markdown']> {
  const translators = new Map(locales.map((locale) => [locale, createTranslator(locale as Locale)]));
  const t = createTranslator(settings.defaultLocale);
  const contentRoot = resolve(root, 'src/content');
  const label = (key: UiStringKey, values?: Record<string, string>) => (file: { path?: string }) => {
    const [, language] = relative(contentRoot, file.path ?? '').split(/[\\/]/);
    return locales.length > 1 && translators.get(language as Locale) ? translators.get(language as Locale)!(key, values) : t(key, values);
  };
  const ownMarkdown = siteMarkdown(config.markdown);
  return {
    syntaxHighlight: false,
    processor: unified({
      remarkPlugins: [...(remarkPlugins() as RemarkPlugins), ...ownMarkdown.remarkPlugins],
      remarkRehype: ownMarkdown.remarkRehype,
      // unified's plugin list is wider than Astro's type of it; every entry is a rehype plugin.
      rehypePlugins: [
        ...(rehypePlugins({
          site: config.site,
          base,
          externalLinks: { label: label('links.external') },
          headingAnchors: { label: label('links.section') },
          videoEmbeds: {
            resolve: (href) => videoEmbed(href, settings.videos),
            playLabel: label('video.play', { title: '{title}' }),
            untitled: label('video.untitled', { provider: '{provider}' }),
          },
        }) as RehypePlugins),
        ...ownMarkdown.rehypePlugins,
      ],
    }),
  };
}
