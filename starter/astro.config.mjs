// @ts-check
import { defineConfig } from 'astro/config';
import openOutreach from '@openoutreach/astro';

export default defineConfig({
  // The address where the site is published. For a GitHub Pages project site also set
  // `base: '/REPOSITORY-NAME/'`.
  site: 'https://example.org',
  // People, projects and resources are off unless turned on here.
  integrations: [openOutreach({ features: { albums: true, people: true, projects: true, resources: true } })],
});
