import type { z } from 'zod';
import { eventSchema } from './schemas/event.ts';
import { newsSchema } from './schemas/news.ts';
import { pageSchema } from './schemas/page.ts';
import type { ImageFactory } from './schemas/fields.ts';

/** A kind of content a site holds as Markdown files in `src/content/<folder>/`. */
export interface ContentType {
  /** The collection name in Astro and the CMS. */
  name: string;
  /** Folder under `src/content/`. */
  folder: string;
  /** What editors call one item. */
  label: string;
  labelPlural: string;
  schema: (helpers: { image?: ImageFactory }) => z.ZodType;
  /** Front-matter fields that hold image paths (dotted), checked for existence and alt text. */
  imageFields: string[];
}

/** Every content type of the foundation, by collection name. */
export const CONTENT_TYPES = {
  pages: {
    name: 'pages',
    folder: 'pages',
    label: 'Page',
    labelPlural: 'Pages',
    schema: pageSchema,
    imageFields: ['hero.src'],
  },
  news: {
    name: 'news',
    folder: 'news',
    label: 'News post',
    labelPlural: 'News',
    schema: newsSchema,
    imageFields: ['cover.src'],
  },
  events: {
    name: 'events',
    folder: 'events',
    label: 'Event',
    labelPlural: 'Events',
    schema: eventSchema,
    imageFields: ['image.src'],
  },
} as const satisfies Record<string, ContentType>;

export type ContentTypeName = keyof typeof CONTENT_TYPES;
