import type { Feature } from './types.ts';

export const people: Feature = {
  name: 'people',
  // Off unless turned on, like projects and resources, so a site that has never had the folder
  // builds as before.
  description: 'People: a page of the group’s people by group (board, staff, volunteers) and a page for each.',
  default: false,
  collections: ['people'],
  routes: [
    { pattern: '/people', entrypoint: 'people-index.astro', pageType: 'people-index' },
    { pattern: '/people/[slug]', entrypoint: 'person.astro', pageType: 'person' },
  ],
  lists: ['/people/'],
  entries: { people: '/people/' },
};
