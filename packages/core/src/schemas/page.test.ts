import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pageSchema } from './page.ts';

const schema = pageSchema();

describe('pageSchema', () => {
  it('parses a minimal page and fills in the defaults', () => {
    expect(schema.parse({ title: '  About us ' })).toEqual({
      title: 'About us',
      menu: { placement: 'none', order: 0 },
      draft: false,
    });
  });

  it('keeps every documented field', () => {
    const page = schema.parse({
      title: 'History',
      summary: 'How we started.',
      parent: 'about',
      menu: { placement: 'header', order: 10 },
      hero: { src: '../../assets/pages/team.jpg', alt: 'Our team' },
      draft: true,
    });
    expect(page).toMatchObject({ parent: 'about', menu: { placement: 'header', order: 10 }, draft: true });
    expect(page.hero).toEqual({ src: '../../assets/pages/team.jpg', alt: 'Our team' });
  });

  it('fills in the menu order when only the placement is given', () => {
    expect(schema.parse({ title: 'x', menu: { placement: 'footer' } }).menu).toEqual({ placement: 'footer', order: 0 });
  });

  it('rejects a page without a title, or with a blank one', () => {
    const missing = schema.safeParse({});
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({ path: ['title'], message: 'every page needs a title' });
    expect(schema.safeParse({ title: '   ' }).success).toBe(false);
  });

  it('rejects a hero image without a description', () => {
    const result = schema.safeParse({ title: 'x', hero: { src: 'a.jpg' } });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['hero', 'alt']]);
    expect(schema.safeParse({ title: 'x', hero: { src: 'a.jpg', alt: ' ' } }).success).toBe(false);
  });

  it('rejects unknown keys, also inside the menu', () => {
    expect(schema.safeParse({ title: 'x', tittle: 'y' }).error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['tittle'],
    });
    expect(schema.safeParse({ title: 'x', menu: { placement: 'header', weight: 1 } }).success).toBe(false);
  });

  it('rejects a parent that is not a slug and a menu placement it does not know', () => {
    expect(schema.safeParse({ title: 'x', parent: 'About Us' }).success).toBe(false);
    expect(schema.safeParse({ title: 'x', menu: { placement: 'sidebar' } }).success).toBe(false);
    expect(schema.safeParse({ title: 'x', menu: { placement: 'header', order: 1.5 } }).success).toBe(false);
  });

  it('uses the image factory it is given for the hero', () => {
    const withImage = pageSchema({ image: () => z.string().transform((path) => ({ resolved: path })) });
    expect(withImage.parse({ title: 'x', hero: { src: 'a.jpg', alt: 'a' } }).hero?.src).toEqual({ resolved: 'a.jpg' });
    expect(pageSchema().safeParse({ title: 'x', hero: { src: ' ', alt: 'a' } }).success).toBe(false);
  });
});
