import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { getEntry, type CollectionEntry, type CollectionKey } from 'astro:content';
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
import { getLocalizedEntries } from './entries.ts';
import { localizedHref } from './site-paths.ts';
import { defaultLocale, localePrefix, locales, multilingual, type Alternate } from './locale.ts';
import type { Link, NewsCardProps } from '../contract.ts';
import { joinBase } from './urls.ts';

export { config };
export { joinBase, siteHref } from './urls.ts';
export * from './locale.ts';
export { entryLocale, getLocalizedEntries } from './entries.ts';
export { localizedHref } from './site-paths.ts';
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

export type PageEntry = CollectionEntry<'pages'> & { slug: string };
export type NewsEntry = CollectionEntry<'news'> & { slug: string };

/** A path of the site in one language, base path included: `localUrl('/news/', 'es')` → `/es/news/`. */
export const localUrl = (path: string, locale: Locale = defaultLocale) => url(`${localePrefix(locale)}${path}`);

/** Published pages in one language, each with its URL path segments (within the language). */
export async function getPages(locale: Locale = defaultLocale): Promise<{ entry: PageEntry; segments: string[] }[]> {
  const entries = await getLocalizedEntries('pages', locale);
  const { paths } = pagePaths(entries.map((entry) => ({ id: entry.slug, file: entry.filePath ?? entry.id, data: entry.data })));
  return entries.map((entry) => ({ entry, segments: paths.get(entry.slug) ?? [entry.slug] }));
}

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

export const newsHref = (slug: string, locale: Locale = defaultLocale) => localUrl(`/news/${slug}/`, locale);
export const tagHref = (tag: string, locale: Locale = defaultLocale) => localUrl(`/news/tags/${slugify(tag)}/`, locale);
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

/** The settings' menu links, as the reader of `locale` follows them (see site-paths.ts). */
async function localizedMenu(items: MenuItem[], locale: Locale): Promise<MenuItem[]> {
  return Promise.all(
    items.map(async (item) => ({
      label: item.translations?.[locale] || item.label,
      href: await localizedHref(item.href, locale),
      ...(item.children?.length ? { children: await localizedMenu(item.children, locale) } : {}),
    })),
  );
}

type Menus = { header: MenuItem[]; footer: MenuItem[] };
const menus = new Map<Locale, Promise<Menus>>();

/**
 * The header and footer menus of one language: settings links first, then the language's pages
 * placed in each menu.
 */
export function getMenus(locale: Locale = defaultLocale): Promise<Menus> {
  // Dev rebuilds must see edits; a build computes the menus once for all pages.
  if (!menus.has(locale) || config.dev) {
    menus.set(
      locale,
      getPages(locale).then(async (pages) => {
        const nodes = pages.map(({ entry }) => ({ id: entry.slug, file: entry.slug, data: entry.data }));
        const hrefs = new Map(pages.map(({ entry, segments }) => [entry.slug, localUrl(`/${segments.join('/')}`, locale)]));
        const hrefOf = (id: string) => hrefs.get(id) ?? localUrl('/', locale);
        const { navigation } = config.settings;
        const build = async (menu: 'header' | 'footer') => [...(await localizedMenu(navigation[menu], locale)), ...buildMenu(menu, [], nodes, hrefOf)];
        return { header: await build('header'), footer: await build('footer') };
      }),
    );
  }
  return menus.get(locale)!;
}

/** Whether `href` is the current page or a section above it, for `aria-current`. */
export function currentState(href: string, path: string): 'page' | 'true' | undefined {
  if (href === path) return 'page';
  const isHome = locales.some((locale) => href === localUrl('/', locale));
  if (!isHome && path.startsWith(href)) return 'true';
  return undefined;
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
        return page && { locale, href: page.segments.length ? localUrl(`/${page.segments.join('/')}/`, locale) : localUrl('/', locale) };
      }
      const entries = await getLocalizedEntries(collection as CollectionKey, locale);
      return entries.some((entry) => entry.slug === slug) ? { locale, href: hrefOf(slug, locale) } : undefined;
    }),
  );
  return found.filter((alternate) => alternate !== undefined);
}
