import { describe, expect, it } from 'vitest';
import { createTranslator, SUPPORTED_LOCALES, uiStrings, type UiStringKey } from './index.ts';

const english = uiStrings('en');
const englishKeys = Object.keys(english).sort();
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('UI strings', () => {
  it('ships English, French and Spanish', () => {
    expect([...SUPPORTED_LOCALES]).toEqual(['en', 'fr', 'es']);
  });

  describe.each(SUPPORTED_LOCALES)('%s', (locale) => {
    const strings = uiStrings(locale);

    it('has exactly the keys of English', () => {
      expect(Object.keys(strings).sort()).toEqual(englishKeys);
    });

    it('has no empty strings', () => {
      const empty = Object.entries(strings).filter(([, text]) => !text.trim());
      expect(empty).toEqual([]);
    });

    it('uses the same placeholders as English in every string', () => {
      const mismatched = Object.entries(strings)
        .filter(([key, text]) => placeholders(text).join() !== placeholders(english[key as UiStringKey]).join())
        .map(([key]) => key);
      expect(mismatched).toEqual([]);
    });

    it('has no broken placeholder braces', () => {
      const broken = Object.entries(strings).filter(([, text]) => /\{(?!\w+\})|(?<!\{\w+)\}/.test(text));
      expect(broken).toEqual([]);
    });
  });

  it('translates the other locales rather than copying English everywhere', () => {
    for (const locale of ['fr', 'es'] as const) {
      const same = englishKeys.filter((key) => uiStrings(locale)[key as UiStringKey] === english[key as UiStringKey]);
      expect(same.length, `${locale}: ${same.join(', ')}`).toBeLessThan(englishKeys.length / 4);
    }
  });
});

describe('createTranslator', () => {
  it('returns the string of its locale', () => {
    expect(createTranslator('fr')('site.home')).toBe('Accueil');
    expect(createTranslator('es')('site.home')).toBe('Inicio');
  });

  it('fills every placeholder, also several in one string', () => {
    const t = createTranslator('en');
    expect(t('news.readMore', { title: 'Spring fair' })).toBe('Read more: Spring fair');
    expect(t('pagination.page', { page: 2, total: 5 })).toBe('Page 2 of 5');
    expect(createTranslator('fr')('social.on', { name: 'Riverside', network: 'Mastodon' })).toBe('Riverside sur Mastodon');
  });

  it('leaves a placeholder without a value visible rather than writing "undefined"', () => {
    expect(createTranslator('en')('pagination.page', { page: 1 })).toBe('Page 1 of {total}');
  });

  it('inserts values literally, without treating $ or braces in them as patterns', () => {
    expect(createTranslator('en')('news.readMore', { title: '$& costs $1 {author}' })).toBe('Read more: $& costs $1 {author}');
  });

  it("fills a placeholder only from the values given, never from an object's built-in keys", () => {
    const t = createTranslator('en', { 'news.readMore': 'Read {constructor} {toString} {title}' });
    expect(t('news.readMore', { title: 'x' })).toBe('Read {constructor} {toString} x');
  });

  it('falls back to English for a locale it does not know', () => {
    expect(createTranslator('de')('site.home')).toBe('Home');
    expect(createTranslator('')('news.title')).toBe('News');
  });

  it('lets site overrides win, and fills their placeholders too', () => {
    const t = createTranslator('fr', { 'site.home': 'Maison', 'news.readMore': 'Lire « {title} »' });
    expect(t('site.home')).toBe('Maison');
    expect(t('news.readMore', { title: 'La fête' })).toBe('Lire « La fête »');
    expect(t('news.title')).toBe('Actualités');
  });
});
