/** The header and footer menus of each language, and which menu link is the current page. */
import config from 'virtual:openoutreach/config';
import { buildMenu, type Locale, type MenuItem } from '@openoutreach/core';
import type { Menus } from '../contract.ts';
import { defaultLocale, localeContext, locales } from './locale.ts';
import { getPages } from './pages.ts';
import { localizedHref } from './site-paths.ts';
import { pagePath } from './urls.ts';

const localUrl = (path: string, locale: Locale) => localeContext(locale).url(path);

/**
 * The settings' menu links, as the reader of `locale` follows them (see site-paths.ts). A link to
 * a post or event not published yet is left out, with its sub-menu, until it is.
 */
async function localizedMenu(items: MenuItem[], locale: Locale): Promise<MenuItem[]> {
  const localized = await Promise.all(
    items.map(async (item) => ({
      label: item.translations?.[locale] || item.label,
      href: await localizedHref(item.href, locale),
      ...(item.children?.length ? { children: await localizedMenu(item.children, locale) } : {}),
    })),
  );
  return localized.filter((item) => item.href);
}

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
        const hrefs = new Map(pages.map(({ entry, segments }) => [entry.slug, localUrl(pagePath('page', { slug: segments.join('/') }), locale)]));
        const hrefOf = (id: string) => hrefs.get(id) ?? localUrl(pagePath('home'), locale);
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
