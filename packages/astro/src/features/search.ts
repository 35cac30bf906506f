import type { Feature } from './types.ts';

export const search: Feature = {
  name: 'search',
  description: 'Search: an index written at build time, a search page and a search box in the header.',
  default: true,
  collections: [],
  routes: [{ pattern: '/search', entrypoint: 'search.astro', pageType: 'search' }],
  lists: ['/search/'],
};
