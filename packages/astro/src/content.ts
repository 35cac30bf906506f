import { defineCollection } from 'astro/content/config';
import { glob } from 'astro/loaders';
import { CONTENT_TYPES } from '@openoutreach/core';

/**
 * The content collections of an Open Outreach site, for its `src/content.config.ts`:
 *
 * ```ts
 * import { openOutreachCollections } from '@openoutreach/astro/content';
 * export const collections = openOutreachCollections();
 * ```
 *
 * Each collection reads `src/content/<folder>/*.md` and validates it with the core schema, with
 * Astro's `image()` so that images are optimised.
 */
export function openOutreachCollections() {
  return {
    pages: defineCollection({
      loader: glob({ pattern: '*.md', base: `./src/content/${CONTENT_TYPES.pages.folder}` }),
      schema: ({ image }) => CONTENT_TYPES.pages.schema({ image }),
    }),
    news: defineCollection({
      loader: glob({ pattern: '*.md', base: `./src/content/${CONTENT_TYPES.news.folder}` }),
      schema: ({ image }) => CONTENT_TYPES.news.schema({ image }),
    }),
  };
}
