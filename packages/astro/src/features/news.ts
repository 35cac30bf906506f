import type { Feature } from './types.ts';

export const news: Feature = {
  name: 'news',
  description: 'News posts, their list, tag pages and the RSS feed.',
  default: true,
  collections: ['news'],
  // The list goes on at /news/page/N/, so a post can be called anything, even "page".
  routes: [
    { pattern: '/news/[...page]', entrypoint: 'news-index.astro', pageType: 'news-index' },
    { pattern: '/news/[slug]', entrypoint: 'news-post.astro', pageType: 'news-post' },
    { pattern: '/news/tags/[tag]', entrypoint: 'news-tag.astro', pageType: 'news-tag' },
    { pattern: '/rss.xml', entrypoint: 'rss.xml.ts' },
  ],
  lists: ['/news/'],
  entries: { news: '/news/' },
  feeds: ['/rss.xml'],
};
