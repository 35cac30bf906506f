import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { getCollection, getEntry, type CollectionEntry, type CollectionKey } from 'astro:content';
import config from 'virtual:openoutreach/config';
import {
  buildMenu,
  createTranslator,
  HOME_PAGE_ID,
  pagePaths,
  slugify,
  type Locale,
  type MenuItem,
} from '@openoutreach/core';
import { defaultLocale, locales, multilingual } from './locale.ts';
import type { Link, NewsCardProps } from '../contract.ts';
import { joinBase, siteHref } from './urls.ts';

export { config };
export { joinBase, siteHref } from './urls.ts';
export * from './locale.ts';
export * from './events.ts';
export { currentCalendarMonth, getCalendarMonths } from './calendar.ts';

/** UI strings in the site's language. */
export const t = createTranslator(config.settings.defaultLocale);

/** A path of the site with the base path prepended. */
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
  const entries = (await getCollection(collection)) as (CollectionEntry<C> & { data: { draft?: boolean } })[];
  return entries
    .filter(isPublished)
    .map((entry) => ({ entry, ...entryLocale(entry.id) }))
    .filter((item) => item.locale === locale)
    .map(({ entry, slug }) => ({ ...entry, slug }));
}

export type PageEntry = CollectionEntry<'pages'>;
export type NewsEntry = CollectionEntry<'news'>;

/** Published pages, each with its URL path segments. */
export async function getPages(): Promise<{ entry: PageEntry; segments: string[] }[]> {
  const entries = (await getCollection('pages')).filter(isPublished);
  const { paths } = pagePaths(entries.map((entry) => ({ id: entry.id, file: entry.filePath ?? entry.id, data: entry.data })));
  return entries.map((entry) => ({ entry, segments: paths.get(entry.id) ?? [entry.id] }));
}

/** The home page entry (`src/content/pages/home.md`). */
export async function getHomePage(): Promise<PageEntry | undefined> {
  return getEntry('pages', HOME_PAGE_ID);
}

/** Published news posts, newest first. */
export async function getNews(): Promise<NewsEntry[]> {
  if (!config.features.news) return [];
  const entries = (await getCollection('news')).filter(isPublished);
  return entries.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
}

export const newsHref = (id: string) => url(`/news/${id}/`);
export const tagHref = (tag: string) => url(`/news/tags/${slugify(tag)}/`);
export const tagLinks = (tags: string[]): Link[] => tags.map((tag) => ({ label: tag, href: tagHref(tag) }));

/** What a news card shows of a post. */
export function newsCard(entry: NewsEntry): NewsCardProps {
  return {
    title: entry.data.title,
    href: newsHref(entry.id),
    date: entry.data.date,
    summary: entry.data.summary,
    author: entry.data.author,
    cover: entry.data.cover,
  };
}

function prefixMenu(items: MenuItem[]): MenuItem[] {
  return items.map((item) => ({
    label: item.label,
    href: siteHref(config.base, item.href),
    ...(item.children?.length ? { children: prefixMenu(item.children) } : {}),
  }));
}

let menus: Promise<{ header: MenuItem[]; footer: MenuItem[] }> | undefined;

/** The header and footer menus: settings links first, then pages placed in each menu. */
export function getMenus(): Promise<{ header: MenuItem[]; footer: MenuItem[] }> {
  // Dev rebuilds must see edits; a build computes the menus once for all pages.
  if (!menus || config.dev) {
    menus = getPages().then((pages) => {
      const nodes = pages.map(({ entry }) => ({ id: entry.id, file: entry.id, data: entry.data }));
      const hrefs = new Map(pages.map(({ entry, segments }) => [entry.id, `/${segments.join('/')}`]));
      const hrefOf = (id: string) => hrefs.get(id) ?? '/';
      const { navigation } = config.settings;
      return {
        header: prefixMenu(buildMenu('header', navigation.header, nodes, hrefOf)),
        footer: prefixMenu(buildMenu('footer', navigation.footer, nodes, hrefOf)),
      };
    });
  }
  return menus;
}

/** Whether `href` is the current page or a section above it, for `aria-current`. */
export function currentState(href: string, path: string): 'page' | 'true' | undefined {
  if (href === path) return 'page';
  if (href !== url('/') && path.startsWith(href)) return 'true';
  return undefined;
}
