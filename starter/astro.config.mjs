// @ts-check
import { defineConfig } from 'astro/config';
import openOutreach from '@openoutreach/astro';

export default defineConfig({
  // The address where the site is published. For a GitHub Pages project site also set
  // `base: '/REPOSITORY-NAME/'`.
  site: 'https://example.org',
  integrations: [
    openOutreach({
      // People, projects and resources are off unless turned on here.
      features: { albums: true, people: true, projects: true, resources: true },
      // Where the CMS at /admin/ saves edits on the published site, and how editors sign in
      // there: the site's repository (docs: cms-sign-in). `npm run edit` needs none of it.
      cms: { backend: { name: 'github', repo: 'your-group/website', branch: 'main', base_url: 'https://auth.opentech.coop' } },
    }),
  ],
});
