/**
 * Which pages each language of a multilingual site has, so that a link written once for all
 * languages (a menu link of the settings, the announcement's link, a home page block's button)
 * leads to the page in the reader's language where it exists, and to the main language's page
 * where it has not been translated, rather than to nowhere.
 */
import type { CollectionKey } from 'astro:content';
import config from 'virtual:openoutreach/config';
import type { Locale } from '@openoutreach/core';
import { entryPrefixes, listPaths } from '../features/index.ts';
import { getLocalizedEntries, getScheduledEntries } from './entries.ts';
import { defaultLocale, localePrefix, multilingual } from './locale.ts';
import { getPages } from './pages.ts';
import { joinBase } from './urls.ts';

const known = new Map<Locale, Promise<Set<string>>>();
const scheduled = new Map<Locale, Promise<Set<string>>>();

/** The paths of one language's pages, without base path or language prefix (`/news/x/`). */
function pathsIn(locale: Locale): Promise<Set<string>> {
  if (!known.has(locale) || config.dev) {
    known.set(
      locale,
      (async () => {
        // The features' lists, then every page and every entry that has a page of its own.
        const paths = new Set(listPaths(config.features));
        for (const { segments } of await getPages(locale)) paths.add(segments.length ? `/${segments.join('/')}/` : '/');
        for (const [collection, prefix] of Object.entries(entryPrefixes(config.features))) {
          for (const entry of await getLocalizedEntries(collection as CollectionKey, locale)) paths.add(`${prefix}${entry.slug}/`);
        }
        return paths;
      })(),
    );
  }
  return known.get(locale)!;
}

/** The paths the entries of one language waiting for their publication date will have. */
function scheduledPathsIn(locale: Locale): Promise<Set<string>> {
  if (!scheduled.has(locale) || config.dev) {
    scheduled.set(
      locale,
      (async () => {
        const paths = new Set<string>();
        for (const [collection, prefix] of Object.entries(entryPrefixes(config.features))) {
          for (const entry of await getScheduledEntries(collection as CollectionKey, locale)) paths.add(`${prefix}${entry.slug}/`);
        }
        return paths;
      })(),
    );
  }
  return scheduled.get(locale)!;
}

/**
 * A link written for every language, as the reader of `locale` should follow it: a path of the
 * site gets the base path, and the language's prefix when the language has that page; any
 * other link is kept. A link to a news post or event not published yet (its date is still to
 * come) is `''`: the menu item, button or announcement link is left out until the build that
 * publishes the entry, rather than leading nowhere.
 */
export async function localizedHref(href: string, locale: Locale = defaultLocale): Promise<string> {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const [path = '/', rest = ''] = href.split(/(?=[?#])/);
  const page = /\.[a-z0-9]+$/i.test(path) || path.endsWith('/') ? path : `${path}/`;
  if (await leadsToScheduledEntry(page, locale)) return '';
  if (!multilingual || locale === defaultLocale) return joinBase(config.base, href);
  return (await pathsIn(locale)).has(page) ? `${joinBase(config.base, `${localePrefix(locale)}${path}`)}${rest}` : joinBase(config.base, href);
}

/** Whether a page's path is, in the reader's language and in the main one, only an entry still to be published. */
async function leadsToScheduledEntry(page: string, locale: Locale): Promise<boolean> {
  if (config.dev) return false;
  const languages = [...new Set([locale, defaultLocale])];
  // Most sites have nothing scheduled: the published pages are only read when something is.
  for (const language of languages) if ((await scheduledPathsIn(language)).has(page)) return !(await isPageIn(page, languages));
  return false;
}

async function isPageIn(page: string, languages: Locale[]): Promise<boolean> {
  for (const language of languages) if ((await pathsIn(language)).has(page)) return true;
  return false;
}
