/**
 * Builds `Astro.locals.openOutreach` for one page: everything the theme reads besides its props
 * (see `PageContext` in the contract).
 */
import config from 'virtual:openoutreach/config';
import type { Locale } from '@openoutreach/core';
import type { Alternate, PageContext } from '../contract.ts';
import { pageTypeOf } from '../features/index.ts';
import { newsletterForm } from './forms.ts';
import { defaultLocale, languageVersions, localeContext, localeFromPath, locales, localizedSettings, multilingual } from './locale.ts';
import { currentState, getMenus } from './menus.ts';
import { localizedHref } from './site-paths.ts';
import { joinBase } from './urls.ts';

/** The locale a route's getStaticPaths gave the page (`props.locale`), else the one its path is in. */
export function pageLocale(props: Record<string, unknown> | undefined, pathname: string): Locale {
  const given = props?.locale;
  return typeof given === 'string' && (locales as string[]).includes(given) ? (given as Locale) : localeFromPath(pathname);
}

/** The page context of a page in `locale`, made by the route `routePattern`. */
export function createPageContext(locale: Locale, routePattern = ''): PageContext {
  const { t, url } = localeContext(locale);
  let menus: PageContext['menus'] | undefined;
  return {
    locale,
    t,
    url,
    locales,
    defaultLocale,
    multilingual,
    base: config.base,
    settings: localizedSettings(locale),
    features: config.features,
    cssVariables: config.cssVariables,
    // Read on first use: feeds and other endpoints have no menus.
    get menus() {
      return (menus ??= getMenus(locale));
    },
    get newsletterForm() {
      return newsletterForm(locale);
    },
    sitePath: (path) => joinBase(config.base, path),
    absoluteUrl: (path) => (config.site ? new URL(path, config.site).href : path),
    localizedHref: (href) => localizedHref(href, locale),
    languageVersions: (path: string, alternates?: Alternate[]) => languageVersions(path, alternates, locale),
    currentState,
    pageType: pageTypeOf(routePattern),
    inLocale: localeContext,
  };
}
