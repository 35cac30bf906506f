import type { z } from 'zod';
import { albumSchema } from './schemas/album.ts';
import { eventSchema } from './schemas/event.ts';
import { newsSchema } from './schemas/news.ts';
import { pageSchema } from './schemas/page.ts';
import { personSchema } from './schemas/person.ts';
import { projectSchema } from './schemas/project.ts';
import { resourceSchema } from './schemas/resource.ts';
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
  /**
   * Front-matter fields that hold image paths, checked for existence: dotted (`cover.src`), with
   * `[]` for every item of a list (`photos[].src`).
   */
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
    imageFields: ['hero.src', 'blocks[].image.src'],
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
  albums: {
    name: 'albums',
    folder: 'albums',
    label: 'Album',
    labelPlural: 'Albums',
    schema: albumSchema,
    imageFields: ['photos[].src'],
  },
  people: {
    name: 'people',
    folder: 'people',
    label: 'Person',
    labelPlural: 'People',
    schema: personSchema,
    imageFields: ['photo.src'],
  },
  projects: {
    name: 'projects',
    folder: 'projects',
    label: 'Project',
    labelPlural: 'Projects',
    schema: projectSchema,
    imageFields: ['image.src'],
  },
  resources: {
    name: 'resources',
    folder: 'resources',
    label: 'Resource',
    labelPlural: 'Resources',
    schema: resourceSchema,
    imageFields: [],
  },
} as const satisfies Record<string, ContentType>;

export type ContentTypeName = keyof typeof CONTENT_TYPES;
