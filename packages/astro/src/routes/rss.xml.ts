import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { config, everyLocale, getNews, localeContext, newsHref } from '../runtime/index.ts';

export const getStaticPaths = everyLocale;

/** The news feed of one language (RSS 2.0) with absolute links that include the base path. */
export async function GET(context: APIContext) {
  const { locale, url } = localeContext(context);
  const posts = await getNews(locale);
  return rss({
    title: config.settings.name,
    description: config.settings.description ?? config.settings.tagline ?? config.settings.name,
    site: new URL(url('/'), context.site).href,
    items: posts.map((post) => ({
      title: post.data.title,
      pubDate: post.data.date,
      description: post.data.summary,
      link: new URL(newsHref(post.slug, locale), context.site).href,
      categories: post.data.tags,
      author: undefined,
    })),
    customData: `<language>${locale}</language>`,
  });
}
