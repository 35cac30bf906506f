// @ts-check
// The baseline of the bench: plain Astro, no integration, Astro's default image service and
// encoder settings.
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://example.org',
});
