import { defineCollection } from 'astro/content/config';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { CONTENT_TYPES } from '@openoutreach/core';

/** glob's warnings about a folder with no Markdown file in it. */
const EMPTY_FOLDER = /^(The base directory .* does not exist|No files found matching)/;

/**
 * Reads `src/content/<folder>/*.md` (and `<folder>/<locale>/*.md` on a multilingual site). A missing or empty folder is normal (a site that has not
 * written its first event, or has turned events off), so glob's warnings about it are dropped;
 * the folder is still watched, so the first file an editor adds shows up.
 */
function markdownFolder(folder: string): Loader {
  // One level of folders holds a multilingual site's languages (`news/es/*.md`); content-check
  // refuses any other folder.
  const loader = glob({ pattern: ['*.md', '*/*.md'], base: `./src/content/${folder}` });
  return {
    ...loader,
    load: (context: LoaderContext) => {
      const logger = Object.create(context.logger, {
        warn: { value: (message: string) => EMPTY_FOLDER.test(message) || context.logger.warn(message) },
      }) as LoaderContext['logger'];
      return loader.load({ ...context, logger });
    },
  };
}

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
      loader: markdownFolder(CONTENT_TYPES.pages.folder),
      schema: ({ image }) => CONTENT_TYPES.pages.schema({ image }),
    }),
    news: defineCollection({
      loader: markdownFolder(CONTENT_TYPES.news.folder),
      schema: ({ image }) => CONTENT_TYPES.news.schema({ image }),
    }),
    events: defineCollection({
      loader: markdownFolder(CONTENT_TYPES.events.folder),
      schema: ({ image }) => CONTENT_TYPES.events.schema({ image }),
    }),
    albums: defineCollection({
      loader: markdownFolder(CONTENT_TYPES.albums.folder),
      schema: ({ image }) => CONTENT_TYPES.albums.schema({ image }),
    }),
    people: defineCollection({
      loader: markdownFolder(CONTENT_TYPES.people.folder),
      schema: ({ image }) => CONTENT_TYPES.people.schema({ image }),
    }),
    projects: defineCollection({
      loader: markdownFolder(CONTENT_TYPES.projects.folder),
      schema: ({ image }) => CONTENT_TYPES.projects.schema({ image }),
    }),
    resources: defineCollection({
      loader: markdownFolder(CONTENT_TYPES.resources.folder),
      schema: () => CONTENT_TYPES.resources.schema(),
    }),
  };
}
