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

  it.each([
    ['Œuvres sociales', 'oeuvres-sociales'],
    ['Straße', 'strasse'],
    ['GROẞE', 'grosse'],
    ['Ærø', 'aero'],
    ['Łódź', 'lodz'],
    ['Đakovo', 'dakovo'],
    ['Þórður', 'thordur'],
  ])('writes the letters of %j that have no accent to strip in ASCII', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('gives text without Latin letters or digits a stable slug of its own', () => {
    const slug = slugify('日本語');
    expect(slug).toMatch(/^x-[a-z0-9]+$/);
    expect(slugify('日本語')).toBe(slug);
    expect(slugify(' 日本語 ')).toBe(slug);
    expect(slugify('中文')).not.toBe(slug);
    expect(slugify('!!!')).not.toBe('');
    expect(slugField().safeParse(slug).success).toBe(true);
    expect(slugify(slug)).toBe(slug);
  });

  it('gives empty text an empty slug', () => {
    expect(slugify('')).toBe('');
    expect(slugify('   ')).toBe('');
  });
});
