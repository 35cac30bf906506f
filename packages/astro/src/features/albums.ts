import type { Feature } from './types.ts';

export const albums: Feature = {
  name: 'albums',
  description: 'Photo albums with a lightbox, and videos that load their player only when played.',
  default: false,
  collections: ['albums'],
  routes: [
    { pattern: '/albums', entrypoint: 'albums-index.astro', pageType: 'albums-index' },
    { pattern: '/albums/[slug]', entrypoint: 'album.astro', pageType: 'album' },
  ],
  lists: ['/albums/'],
  entries: { albums: '/albums/' },
};
