// @ts-check
import { defineConfig } from 'astro/config';
import openOutreach from '@openoutreach/astro';

export default defineConfig({
  site: 'https://eastsidegarden.org',
  integrations: [
    openOutreach({
      features: { albums: true },
      // Editors sign in with GitHub through the co-op's broker (docs/cms-sign-in.md).
      cms: { backend: { name: 'github', repo: 'eastside-garden/website', base_url: 'https://auth.opentech.coop' } },
    }),
  ],
});
