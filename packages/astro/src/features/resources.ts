import type { Feature } from './types.ts';

export const resources: Feature = {
  name: 'resources',
  description: 'A library of documents and links, filtered by type and topic on plain pages.',
  default: false,
  collections: ['resources'],
  // The filter pages are lists too: they carry the list's page type.
  routes: [
    { pattern: '/resources', entrypoint: 'resources-index.astro', pageType: 'resources-index' },
    { pattern: '/resources/type/[type]', entrypoint: 'resources-type.astro', pageType: 'resources-index' },
    { pattern: '/resources/topic/[topic]', entrypoint: 'resources-topic.astro', pageType: 'resources-index' },
  ],
  lists: ['/resources/'],
};
