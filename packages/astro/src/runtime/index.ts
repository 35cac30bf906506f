import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { getEntry, type CollectionEntry, type CollectionKey } from 'astro:content';
import config from 'virtual:openoutreach/config';
import { createTranslator, HOME_PAGE_ID, slugify, type Locale } from '@openoutreach/core';
import { getLocalizedEntries } from './entries.ts';
import { getPages, type PageEntry } from './pages.ts';
import { defaultLocale, localePrefix, locales, multilingual, type Alternate } from './locale.ts';
import type { Link, NewsCardProps } from '../contract.ts';
import { entryPath, joinBase, pagePath } from './urls.ts';

export { config };
export { joinBase, siteHref } from './urls.ts';
export * from './locale.ts';
export { entryLocale, getLocalizedEntries, scheduledNote } from './entries.ts';
export { localizedHref } from './site-paths.ts';
export { getPages, type PageEntry } from './pages.ts';
export { currentState, getMenus } from './menus.ts';
export * from './events.ts';
export * from './people.ts';
export * from './projects.ts';
export * from './resources.ts';
export * from './forms.ts';
export { currentCalendarMonth, getCalendarMonths } from './calendar.ts';

/** UI strings in the site's main language (`localeContext(Astro).t` speaks the page's). */
export const t = createTranslator(config.settings.defaultLocale);

/** A path of the site with the base path prepended (no language prefix). */
export const url = (path: string) => joinBase(config.base, path);

/** The full address of a path of the site, for feeds, share previews and structured data. */
export const absoluteUrl = (path: string) => (config.site ? new URL(path, config.site).href : path);

/**
 * The full address of an image as shared with other sites (1200 pixels wide, JPEG): the same
 * file the share preview uses, so it is made once.
 */
export async function shareImageUrl(image: { src: ImageMetadata } | undefined): Promise<string | undefined> {
  if (!image) return undefined;
  return absoluteUrl((await getImage({ src: image.src, width: 1200, format: 'jpg' })).src);
}

export type NewsEntry = CollectionEntry<'news'> & { slug: string };

/** A path of the site in one language, base path included: `localUrl('/news/', 'es')` → `/es/news/`. */
export const localUrl = (path: string, locale: Locale = defaultLocale) => url(`${localePrefix(locale)}${path}`);

/** The home page in one language (`src/content/pages/home.md`, or `pages/<locale>/home.md`). */
export async function getHomePage(locale: Locale = defaultLocale): Promise<PageEntry | undefined> {
  const id = multilingual ? `${locale}/${HOME_PAGE_ID}` : HOME_PAGE_ID;
  const entry = await getEntry('pages', id);
  return entry && { ...entry, slug: HOME_PAGE_ID };
}

/** Published news posts in one language, newest first. */
export async function getNews(locale: Locale = defaultLocale): Promise<NewsEntry[]> {
  if (!config.features.news) return [];
  const entries = await getLocalizedEntries('news', locale);
  return entries.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.slug.localeCompare(b.slug));
}

export const newsHref = (slug: string, locale: Locale = defaultLocale) => localUrl(entryPath('news', slug), locale);
export const tagHref = (tag: string, locale: Locale = defaultLocale) => localUrl(pagePath('news-tag', { tag: slugify(tag) }), locale);
export const tagLinks = (tags: string[], locale: Locale = defaultLocale): Link[] => tags.map((tag) => ({ label: tag, href: tagHref(tag, locale) }));

/** What a news card shows of a post. */
export function newsCard(entry: NewsEntry, locale: Locale = defaultLocale): NewsCardProps {
  return {
    title: entry.data.title,
    href: newsHref(entry.slug, locale),
    date: entry.data.date,
    summary: entry.data.summary,
    author: entry.data.author,
    cover: entry.data.cover,
  };
}

/**
 * The languages an entry is translated into, with the address of each translation: the files
 * with the same name in the other language folders.
 */
export async function translationsOf(
  collection: 'pages' | 'news' | 'events' | (string & {}),
  slug: string,
  hrefOf: (slug: string, locale: Locale) => string,
): Promise<Alternate[]> {
  if (!multilingual) return [];
  const found = await Promise.all(
    locales.map(async (locale) => {
      if (collection === 'pages') {
        const page = (await getPages(locale)).find(({ entry }) => entry.slug === slug);
        return page && { locale, href: localUrl(pagePath('page', { slug: page.segments.join('/') }), locale) };
      }
      const entries = await getLocalizedEntries(collection as CollectionKey, locale);
      return entries.some((entry) => entry.slug === slug) ? { locale, href: hrefOf(slug, locale) } : undefined;
    }),
  );
  return found.filter((alternate) => alternate !== undefined);
}
