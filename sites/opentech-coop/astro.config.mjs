// @ts-check
import { defineConfig } from 'astro/config';
import openOutreach from '@openoutreach/astro';

export default defineConfig({
  site: 'https://opentech.coop',
  integrations: [
    openOutreach({
      features: { events: false },
      // Editors sign in with GitHub through the co-op's broker (docs/cms-sign-in.md).
      cms: { backend: { name: 'github', repo: 'opentech-coop/website', base_url: 'https://auth.opentech.coop' } },
    }),
  ],
});
