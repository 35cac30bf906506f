/**
 * Entries of the site's collections by language.
 */
import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import config from 'virtual:openoutreach/config';
import { formatDate, isDue, publicationDate, type Locale } from '@openoutreach/core';
import { clock } from './build-clock.ts';
import { defaultLocale, localeContext, locales, multilingual } from './locale.ts';

type EntryData = { data: { draft?: boolean; date?: unknown; publishDate?: unknown } };

/**
 * Whether a build publishes an entry: not a draft, and its publication date (a news post's date,
 * an event's `publishDate`) reached on the build's clock. The dev server shows every entry, so
 * editors see drafts and scheduled entries while editing.
 */
const isPublished = (collection: string) => (entry: EntryData) => config.dev || (!entry.data.draft && isDue(collection, entry.data, clock));

/** Whether an entry waits for its publication date: no draft, but not due at the build's clock. */
const isScheduled = (collection: string) => (entry: EntryData) => !config.dev && !entry.data.draft && !isDue(collection, entry.data, clock);

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
export function getLocalizedEntries<C extends CollectionKey>(
  collection: C,
  locale: Locale = defaultLocale,
): Promise<(CollectionEntry<C> & { slug: string })[]> {
  return entriesWhere(collection, locale, isPublished(collection as string));
}

/**
 * The entries of a collection in one language that a later build will publish: their publication
 * date is still to come. Links to them are left out rather than left broken (site-paths.ts).
 */
export function getScheduledEntries<C extends CollectionKey>(
  collection: C,
  locale: Locale = defaultLocale,
): Promise<(CollectionEntry<C> & { slug: string })[]> {
  return entriesWhere(collection, locale, isScheduled(collection as string));
}

async function entriesWhere<C extends CollectionKey>(
  collection: C,
  locale: Locale,
  keep: (entry: EntryData) => boolean,
): Promise<(CollectionEntry<C> & { slug: string })[]> {
  // Astro warns about an empty collection, which is normal (no events yet); a build knows which are.
  if (!config.dev && !config.filledCollections.includes(collection as string)) return [];
  const entries = (await getCollection(collection)) as (CollectionEntry<C> & EntryData)[];
  return entries
    .filter(keep)
    .map((entry) => ({ entry, ...entryLocale(entry.id) }))
    .filter((item) => item.locale === locale)
    .map(({ entry, slug }) => ({ ...entry, slug }));
}

/**
 * The dev server's note on a news post or event that a build would leave out until its
 * publication date ("Scheduled: published … on or after 1 May 2026"), in the page's language;
 * undefined in a build, where such an entry has no page, and for an entry already due.
 */
export function scheduledNote(collection: 'news' | 'events', data: EntryData['data'], locale: Locale): string | undefined {
  const date = publicationDate(data, collection);
  if (!config.dev || !date || isDue(collection, data, clock)) return undefined;
  return localeContext(locale).t('preview.scheduled', { date: formatDate(date, locale, config.settings.timeZone) });
}
