/**
 * The language of each page. A site with one locale publishes at the root; a multilingual site
 * publishes its main language at the root and every other one under `/<locale>/`
 * (`/es/news/`), with its content in `src/content/<folder>/<locale>/`.
 */
import config from 'virtual:openoutreach/config';
import { createTranslator, type Locale, type Translate } from '@openoutreach/core';
import { joinBase } from './urls.ts';

export const locales: readonly Locale[] = config.settings.locales;
export const defaultLocale: Locale = config.settings.defaultLocale;
/** Whether the site publishes more than one language. */
export const multilingual = locales.length > 1;

/** `/es` for a locale other than the main one, '' for the main one. */
export const localePrefix = (locale: Locale): string => (locale === defaultLocale ? '' : `/${locale}`);

/** The locale a page's path is in (the base path is ignored). */
export function localeFromPath(pathname: string): Locale {
  const rest = config.base && pathname.startsWith(config.base) ? pathname.slice(config.base.length) : pathname;
  const first = rest.split('/').find(Boolean);
  return multilingual && first && first !== defaultLocale && (locales as string[]).includes(first) ? (first as Locale) : defaultLocale;
}

/** What a component needs to speak its page's language. */
export interface LocaleContext {
  locale: Locale;
  /** UI strings in the page's language. */
  t: Translate;
  /** A path of the site in this language, base path included: `url('/news/')` → `/my-repo/es/news/`. */
  url: (path: string) => string;
}

const translators = new Map<Locale, Translate>();

/**
 * The language context of a page: `localeContext(Astro)` in a component, or
 * `localeContext('es')` where the locale is known.
 */
export function localeContext(source: { url: URL } | Locale): LocaleContext {
  const locale = typeof source === 'string' ? source : localeFromPath(source.url.pathname);
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createTranslator(locale)));
  return { locale, t, url: (path: string) => joinBase(config.base, `${localePrefix(locale)}${path}`) };
}

/**
 * The locales a localized route builds, from the pattern Astro gives getStaticPaths: the main
 * locale for the pattern at the root, the other locales for the one under `/[locale]`.
 */
export function routeLocales(routePattern: string): Locale[] {
  return routePattern.startsWith('/[locale]') ? locales.filter((locale) => locale !== defaultLocale) : [defaultLocale];
}

/**
 * getStaticPaths for a localized route: runs `paths` for each locale the route builds and adds
 * the `locale` parameter where the pattern has one.
 *
 * ```ts
 * export const getStaticPaths = (({ routePattern }) =>
 *   localizedPaths(routePattern, async (locale) => [{ params: { slug: 'x' }, props: {} }])) satisfies GetStaticPaths;
 * ```
 */
export async function localizedPaths<P extends { params: Record<string, string | undefined>; props?: Record<string, unknown> }>(
  routePattern: string,
  paths: (locale: Locale) => P[] | Promise<P[]>,
): Promise<(P & { props: P['props'] & { locale: Locale } })[]> {
  const prefixed = routePattern.startsWith('/[locale]');
  const results = await Promise.all(
    routeLocales(routePattern).map(async (locale) =>
      (await paths(locale)).map((path) => ({
        ...path,
        params: prefixed ? { ...path.params, locale } : path.params,
        props: { ...(path.props ?? {}), locale } as P['props'] & { locale: Locale },
      })),
    ),
  );
  return results.flat();
}
