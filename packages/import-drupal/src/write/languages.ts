import { SUPPORTED_LOCALES } from '@openoutreach/core';
import type { DrupalSite } from '../model.ts';

type Locale = (typeof SUPPORTED_LOCALES)[number];

/** The member site's languages, chosen from the Drupal site's: the kit publishes in en, fr and es. */
export interface Languages {
  defaultLocale: Locale;
  locales: Locale[];
  multilingual: boolean;
  /** The kit's locale of content in Drupal language `language` (`und` is the main language), if the kit has it. */
  localeOf(language: string): Locale | undefined;
  /** Drupal languages the kit cannot publish, for the report. */
  dropped: string[];
}

const isLocale = (code: string): code is Locale => (SUPPORTED_LOCALES as readonly string[]).includes(code);
// Drupal codes such as `en-gb` or `pt-br`: the part before the dash is the language.
const baseCode = (code: string) => code.toLowerCase().split(/[-_]/)[0] ?? code;

/**
 * The languages of the new site: Drupal's default language first (English when the kit has not
 * got it), then every other enabled language the kit publishes in, in Drupal's order.
 */
export function chooseLanguages(site: DrupalSite['site']): Languages {
  const wanted = [site.defaultLanguage, ...site.languages].map(baseCode);
  const defaultLocale: Locale = isLocale(baseCode(site.defaultLanguage)) ? (baseCode(site.defaultLanguage) as Locale) : 'en';
  const locales = [...new Set([defaultLocale, ...wanted.filter(isLocale)])];
  const dropped = [...new Set([site.defaultLanguage, ...site.languages])].filter((code) => !isLocale(baseCode(code)));
  return {
    defaultLocale,
    locales,
    multilingual: locales.length > 1,
    localeOf: (language) => {
      if (language === 'und' || language === '' || language === 'zxx') return defaultLocale;
      const code = baseCode(language);
      return isLocale(code) && locales.includes(code) ? code : undefined;
    },
    dropped,
  };
}
