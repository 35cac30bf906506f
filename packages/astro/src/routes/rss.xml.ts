import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { config, getNews, newsHref, url } from '../runtime/index.ts';

/** The news feed (RSS 2.0) with absolute links that include the base path. */
export async function GET(context: APIContext) {
  const posts = await getNews();
  return rss({
    title: config.settings.name,
    description: config.settings.description ?? config.settings.tagline ?? config.settings.name,
    site: new URL(url('/'), context.site).href,
    items: posts.map((post) => ({
      title: post.data.title,
      pubDate: post.data.date,
      description: post.data.summary,
      link: new URL(newsHref(post.id), context.site).href,
      categories: post.data.tags,
      author: undefined,
    })),
    customData: `<language>${config.settings.defaultLocale}</language>`,
  });
}
