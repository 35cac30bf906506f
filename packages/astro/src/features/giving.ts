import type { Feature } from './types.ts';

export const giving: Feature = {
  name: 'giving',
  description: 'The donate page (/donate/): published when the settings have a `giving` section; false hides it.',
  default: true,
  collections: [],
  routes: [{ pattern: '/donate', entrypoint: 'donate.astro', pageType: 'donate' }],
  lists: ['/donate/'],
};
