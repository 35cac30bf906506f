/**
 * The language of each page. A site with one locale publishes at the root; a multilingual site
 * publishes its main language at the root and every other one under `/<locale>/`
 * (`/es/news/`), with its content in `src/content/<folder>/<locale>/`.
 */
import config from 'virtual:openoutreach/config';
import { createTranslator, isAnnouncementShown, type Locale, type SiteSettings, type Translate } from '@openoutreach/core';
import type { Alternate, LanguageVersion, LocaleContext } from '../contract.ts';
import { clock } from './build-clock.ts';
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

/** getStaticPaths of a localized route with no parameter of its own (`/events/`, `/rss.xml`). */
export const everyLocale = ({ routePattern }: { routePattern: string }) => localizedPaths(routePattern, () => [{ params: {} }]);

export type { Alternate, LanguageVersion, LocaleContext };

/** The same path in every language: right for lists and feeds, which every language has. */
export function alternatesOf(path: string): Alternate[] {
  const locale = localeFromPath(path);
  const rest = path.slice(joinBase(config.base, localePrefix(locale) || '/').length - 1) || '/';
  return locales.map((other) => ({ locale: other, href: joinBase(config.base, `${localePrefix(other)}${rest}`) }));
}

/**
 * The page in each of the site's languages, for the language switcher and hreflang links: the
 * translation where there is one, else the language's home page. Empty on a one-language site.
 * `current` is the page's own language (the page context knows it; otherwise read from `path`).
 */
export function languageVersions(path: string, alternates?: Alternate[], current: Locale = localeFromPath(path)): LanguageVersion[] {
  if (!multilingual) return [];
  const known = alternates ?? alternatesOf(path);
  return locales.map((locale) => {
    const found = locale === current ? { locale, href: path } : known.find((alternate) => alternate.locale === locale);
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    return {
      locale,
      href: found?.href ?? joinBase(config.base, localePrefix(locale) || '/'),
      name: name.charAt(0).toLocaleUpperCase(locale) + name.slice(1),
      current: locale === current,
      translated: !!found,
    };
  });
}

/**
 * The settings as a page in `locale` shows them: the tagline, description and announcement of
 * that language where the settings give them (`translations`), else the main language's.
 */
export function localizedSettings(locale: Locale): SiteSettings {
  const settings = withAnnouncementOnTime(config.settings);
  const translation = locale === defaultLocale ? undefined : settings.translations?.[locale];
  if (!translation) return settings;
  const { announcement } = settings;
  return {
    ...settings,
    tagline: translation.tagline ?? settings.tagline,
    description: translation.description ?? settings.description,
    announcement: announcement && {
      ...announcement,
      text: translation.announcement?.text ?? announcement.text,
      linkLabel: translation.announcement?.linkLabel ?? announcement.linkLabel,
    },
  };
}

/**
 * The settings without their announcement outside its days (`start`, `end`) on the build's
 * clock. The dev server shows it whatever the day, as it shows drafts, so editors see it.
 */
function withAnnouncementOnTime(settings: SiteSettings): SiteSettings {
  const { announcement } = settings;
  if (!announcement || config.dev) return settings;
  // The settings reach the runtime as JSON (virtual-modules.ts): their dates are ISO strings.
  const day = (value: Date | string | undefined) => (value === undefined ? undefined : new Date(value));
  if (isAnnouncementShown({ start: day(announcement.start), end: day(announcement.end) }, clock)) return settings;
  return { ...settings, announcement: undefined };
}
