import { describe, expect, it } from 'vitest';
import { slugify } from './slugs.ts';
import { slugField } from './schemas/fields.ts';

describe('slugify', () => {
  it.each([
    ['Spring Fair 2026!', 'spring-fair-2026'],
    ['Café Crème', 'cafe-creme'],
    ['Año Nuevo en la Peña', 'ano-nuevo-en-la-pena'],
    ['Élections du CA', 'elections-du-ca'],
    ['  --Hello--World--  ', 'hello-world'],
    ['A & B / C', 'a-b-c'],
    ['ﬁsh', 'fish'],
    ['already-a-slug', 'already-a-slug'],
  ])('turns %j into %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('gives slugs that the slug field accepts', () => {
    for (const text of ['Spring Fair 2026!', 'Café Crème', ' x ', 'Ça va?']) {
      expect(slugField().safeParse(slugify(text)).success, text).toBe(true);
    }
  });

  it('is idempotent', () => {
    for (const text of ['Spring Fair 2026!', 'Élections du CA']) expect(slugify(slugify(text))).toBe(slugify(text));
  });

  // Bug: letters that do not decompose to a base letter plus accent are dropped, so a French tag
  // "Œuvres" becomes "uvres" and "Straße" becomes "stra-e"; text with no Latin letters at all
  // (e.g. "日本語") gives an empty slug, hence a tag page at /news/tags//.
  it.fails('keeps the letters of Œ and ß', () => {
    expect(slugify('Œuvres sociales')).toBe('oeuvres-sociales');
  });

  it.fails('never gives an empty slug for non-empty text', () => {
    expect(slugify('日本語')).not.toBe('');
  });
});
