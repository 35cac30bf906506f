// @ts-check
import { defineConfig } from 'astro/config';
import openOutreach from '@openoutreach/astro';

export default defineConfig({
  site: 'https://opentech.coop',
  integrations: [openOutreach({ features: { events: false } })],
});
