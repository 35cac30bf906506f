import type { Feature } from './types.ts';

export const projects: Feature = {
  name: 'projects',
  description: 'Projects and campaigns, each with the news posts and events that name it.',
  default: false,
  collections: ['projects'],
  routes: [
    { pattern: '/projects', entrypoint: 'projects-index.astro', pageType: 'projects-index' },
    { pattern: '/projects/[slug]', entrypoint: 'project.astro', pageType: 'project' },
  ],
  lists: ['/projects/'],
  entries: { projects: '/projects/' },
};
