import { isUnifiedProcessor, type UnifiedResolvedOptions } from '@astrojs/markdown-remark';
import type { AstroConfig, RehypePlugins, RemarkPlugins } from 'astro';

/** What a site's own Markdown processor adds to the kit's. */
export interface SiteMarkdown {
  remarkPlugins: RemarkPlugins;
  rehypePlugins: RehypePlugins;
  remarkRehype: UnifiedResolvedOptions['remarkRehype'];
}

/**
 * The plugins of the site's own `unified({ … })` processor (`markdown.processor` in
 * astro.config.mjs), which the kit's processor replaces: they are to run after the kit's, so a
 * site can add its own and a failing one is reported like any render problem. Plugins given the
 * deprecated way (`markdown.remarkPlugins`, `markdown.rehypePlugins`) are left out: Astro has
 * put them in the site's processor already and adds them to the kit's as well.
 */
export function siteMarkdown(markdown: AstroConfig['markdown']): SiteMarkdown {
  const processor = markdown.processor;
  if (!processor || !isUnifiedProcessor(processor)) return { remarkPlugins: [], rehypePlugins: [], remarkRehype: {} };
  const options = processor.options as UnifiedResolvedOptions;
  const legacyRemark = new Set<unknown>(markdown.remarkPlugins);
  const legacyRehype = new Set<unknown>(markdown.rehypePlugins);
  return {
    remarkPlugins: options.remarkPlugins.filter((plugin) => !legacyRemark.has(plugin)),
    rehypePlugins: options.rehypePlugins.filter((plugin) => !legacyRehype.has(plugin)),
    remarkRehype: options.remarkRehype,
  };
}
