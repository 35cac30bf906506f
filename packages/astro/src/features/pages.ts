import type { Feature } from './types.ts';

/** The pages of `src/content/pages/`, the home page, the 404 page and robots.txt: every site has them. */
export const pages: Feature = {
  name: 'pages',
  description: 'Pages written in src/content/pages/, the home page, the 404 page and robots.txt.',
  default: 'always',
  collections: ['pages'],
  routes: [
    { pattern: '/', entrypoint: 'home.astro', pageType: 'home' },
    { pattern: '/[...slug]', entrypoint: 'page.astro', pageType: 'page' },
    { pattern: '/404', entrypoint: '404.astro', pageType: 'not-found', siteWide: true },
    { pattern: '/robots.txt', entrypoint: 'robots.txt.ts', siteWide: true },
  ],
  lists: ['/'],
};
