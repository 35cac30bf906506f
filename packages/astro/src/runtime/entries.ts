/**
 * Entries of the site's collections by language.
 */
import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import config from 'virtual:openoutreach/config';
import type { Locale } from '@openoutreach/core';
import { defaultLocale, locales, multilingual } from './locale.ts';

// Drafts show while editing (the dev server) and are never published.
const isPublished = (entry: { data: { draft?: boolean } }) => config.dev || !entry.data.draft;

/**
 * The language of an entry and its slug within it. On a multilingual site every file sits in a
 * folder named after its language (`news/es/huelga.md` → es, `huelga`); translations share a slug.
 */
export function entryLocale(id: string): { locale: Locale; slug: string } {
  if (!multilingual) return { locale: defaultLocale, slug: id };
  const [first, ...rest] = id.split('/');
  return (locales as string[]).includes(first!) && rest.length ? { locale: first as Locale, slug: rest.join('/') } : { locale: defaultLocale, slug: id };
}

/**
 * The published entries of a collection in one language, each with its slug. Works for any
 * collection of the site (`getLocalizedEntries('people', 'es')`).
 */
export async function getLocalizedEntries<C extends CollectionKey>(
  collection: C,
  locale: Locale = defaultLocale,
): Promise<(CollectionEntry<C> & { slug: string })[]> {
  // Astro warns about an empty collection, which is normal (no events yet); a build knows which are.
  if (!config.dev && !config.filledCollections.includes(collection as string)) return [];
  const entries = (await getCollection(collection)) as (CollectionEntry<C> & { data: { draft?: boolean } })[];
  return entries
    .filter(isPublished)
    .map((entry) => ({ entry, ...entryLocale(entry.id) }))
    .filter((item) => item.locale === locale)
    .map(({ entry, slug }) => ({ ...entry, slug }));
}
