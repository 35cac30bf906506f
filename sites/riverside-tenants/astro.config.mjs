// @ts-check
import { defineConfig } from 'astro/config';
import openOutreach from '@openoutreach/astro';

export default defineConfig({
  site: 'https://riversidetenants.org',
  integrations: [openOutreach({ features: { resources: true } })],
});
