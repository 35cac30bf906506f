// @ts-check
import { defineConfig } from 'astro/config';
import openOutreach from '@openoutreach/astro';

export default defineConfig({
  site: 'https://eastsidegarden.org',
  integrations: [openOutreach({ features: { albums: true } })],
});
