import { en, type UiStringKey, type UiStrings } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';

export type { UiStringKey, UiStrings };

const dictionaries = { en, fr, es } satisfies Record<string, UiStrings>;

/** Locales whose UI strings the kit ships. */
export const SUPPORTED_LOCALES = ['en', 'fr', 'es'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** A function that returns the UI string `key` in one locale, with `{name}` placeholders filled. */
export type Translate = (key: UiStringKey, values?: Record<string, string | number>) => string;

/**
 * Returns `t()` for `locale`. Site overrides (from settings) win over the kit's strings;
 * missing keys fall back to English so a partial translation never breaks a page.
 */
export function createTranslator(locale: string, overrides: Partial<Record<UiStringKey, string>> = {}): Translate {
  const base: UiStrings = dictionaries[locale as Locale] ?? en;
  return (key, values = {}) => {
    const template = overrides[key] ?? base[key] ?? en[key] ?? key;
    // A function, so that `$&` or `$'` in a value (a title, a place) is written as it is; own
    // keys only, so that `{constructor}` in a translation is not filled from Object's prototype.
    return template.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : match));
  };
}

/** The dictionary of a locale, for tests and tooling. */
export function uiStrings(locale: Locale): UiStrings {
  return dictionaries[locale];
}
