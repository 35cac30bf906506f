/** The site's pages (the `pages` collection) of each language, with the path each is published at. */
import type { CollectionEntry } from 'astro:content';
import { pagePaths, type Locale } from '@openoutreach/core';
import { getLocalizedEntries } from './entries.ts';
import { defaultLocale } from './locale.ts';

export type PageEntry = CollectionEntry<'pages'> & { slug: string };

/** Published pages in one language, each with its URL path segments (within the language). */
export async function getPages(locale: Locale = defaultLocale): Promise<{ entry: PageEntry; segments: string[] }[]> {
  const entries = await getLocalizedEntries('pages', locale);
  const { paths } = pagePaths(entries.map((entry) => ({ id: entry.slug, file: entry.filePath ?? entry.id, data: entry.data })));
  return entries.map((entry) => ({ entry, segments: paths.get(entry.slug) ?? [entry.slug] }));
}
