import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const news = defineCollection({
  loader: glob({ pattern: '*.md', base: './src/content/news' }),
  schema: ({ image }) =>
    z.object({
      title: z.string(),
      date: z.coerce.date(),
      summary: z.string().optional(),
      tags: z.array(z.string()).default([]),
      author: z.string().optional(),
      cover: z.object({ src: image(), alt: z.string() }).optional(),
    }),
});

const pages = defineCollection({
  loader: glob({ pattern: '*.md', base: './src/content/pages' }),
  schema: ({ image }) =>
    z.object({
      title: z.string(),
      summary: z.string().optional(),
      parent: z.string().optional(),
      menu: z.object({ placement: z.string(), order: z.number() }).optional(),
      hero: z.object({ src: image(), alt: z.string() }).optional(),
    }),
});

export const collections = { news, pages };
