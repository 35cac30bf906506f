/**
 * Which pages each language of a multilingual site has, so that a link written once for all
 * languages (a menu link of the settings, the announcement's link, a home page block's button)
 * leads to the page in the reader's language where it exists, and to the main language's page
 * where it has not been translated, rather than to nowhere.
 */
import type { Locale } from '@openoutreach/core';
import { getLocalizedEntries } from './entries.ts';
import { config, getPages } from './index.ts';
import { defaultLocale, localePrefix, multilingual } from './locale.ts';
import { joinBase } from './urls.ts';

/** Lists every language has when its feature is on. */
const LIST_PATHS = {
  news: ['/news/'],
  events: ['/events/', '/events/past/'],
  search: ['/search/'],
  people: ['/people/'],
  projects: ['/projects/'],
  resources: ['/resources/'],
  albums: ['/albums/'],
  giving: ['/donate/'],
  contact: ['/contact/', '/contact/thanks/'],
} as const;

/** Collections whose entries have a page each, under this path. */
const ENTRY_PAGES = { news: '/news/', events: '/events/', people: '/people/', projects: '/projects/', albums: '/albums/' } as const;

const known = new Map<Locale, Promise<Set<string>>>();

/** The paths of one language's pages, without base path or language prefix (`/news/x/`). */
function pathsIn(locale: Locale): Promise<Set<string>> {
  if (!known.has(locale) || config.dev) {
    known.set(
      locale,
      (async () => {
        const paths = new Set(['/']);
        for (const [feature, lists] of Object.entries(LIST_PATHS)) if (config.features[feature as keyof typeof LIST_PATHS]) lists.forEach((path) => paths.add(path));
        for (const { segments } of await getPages(locale)) paths.add(segments.length ? `/${segments.join('/')}/` : '/');
        for (const [collection, prefix] of Object.entries(ENTRY_PAGES)) {
          if (!config.features[collection as keyof typeof ENTRY_PAGES]) continue;
          for (const entry of await getLocalizedEntries(collection as keyof typeof ENTRY_PAGES, locale)) paths.add(`${prefix}${entry.slug}/`);
        }
        return paths;
      })(),
    );
  }
  return known.get(locale)!;
}

/**
 * A link written for every language, as the reader of `locale` should follow it: a path of the
 * site gets the base path, and the language's prefix when the language has that page; any
 * other link is kept.
 */
export async function localizedHref(href: string, locale: Locale = defaultLocale): Promise<string> {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  if (!multilingual || locale === defaultLocale) return joinBase(config.base, href);
  const [path = '/', rest = ''] = href.split(/(?=[?#])/);
  const page = /\.[a-z0-9]+$/i.test(path) || path.endsWith('/') ? path : `${path}/`;
  return (await pathsIn(locale)).has(page) ? `${joinBase(config.base, `${localePrefix(locale)}${path}`)}${rest}` : joinBase(config.base, href);
}
