import { describe, expect, test } from 'vitest';
import { budgetFor, DEFAULT_BUDGETS, formatBytes, overBudget, parseBudgets, resourceKind, sumWeights } from './budgets.ts';

test('resourceKind sorts responses by what they are', () => {
  expect(resourceKind('document')).toBe('html');
  expect(resourceKind('stylesheet')).toBe('css');
  expect(resourceKind('script')).toBe('js');
  expect(resourceKind('fetch', 'text/javascript')).toBe('js');
  expect(resourceKind('font')).toBe('fonts');
  expect(resourceKind('other', 'font/woff2')).toBe('fonts');
  expect(resourceKind('image')).toBe('images');
  expect(resourceKind('fetch', 'application/json')).toBe('other');
});

test('sumWeights adds up bytes per kind, with every kind present', () => {
  expect(
    sumWeights([
      { kind: 'html', bytes: 100 },
      { kind: 'fonts', bytes: 20 },
      { kind: 'fonts', bytes: 30 },
    ]),
  ).toEqual({ html: 100, css: 0, js: 0, fonts: 50, images: 0, other: 0 });
});

describe('budgetFor', () => {
  test('gives every page type the kit defaults, with no JavaScript', () => {
    expect(budgetFor('news-post')).toEqual(DEFAULT_BUDGETS.default);
    expect(budgetFor('news-post').js).toBe(0);
  });

  test("lets a site's default and then its page type's own budget override the kit's", () => {
    const budget = budgetFor('search', { default: { html: 1000, images: null }, search: { js: 20_000, html: 2000 } });
    expect(budget).toMatchObject({ html: 2000, js: 20_000, images: null, css: DEFAULT_BUDGETS.default!.css });
  });
});

test('overBudget names each kind over its limit; null and missing limits are no limit', () => {
  const weights = { html: 61_000, css: 100, js: 12_600, fonts: 0, images: 9_999_999, other: 5 };
  expect(overBudget(weights, { html: 61_440, css: 100, js: 0, images: null })).toEqual(['js 12.3 KiB, over the budget of 0 B']);
  expect(overBudget(weights, { html: 60_000 })).toEqual(['html 59.6 KiB, over the budget of 58.6 KiB']);
});

test('formatBytes', () => {
  expect([0, 812, 1024, 12_595, 1_468_006].map(formatBytes)).toEqual(['0 B', '812 B', '1 KiB', '12.3 KiB', '1.4 MiB']);
});

describe('parseBudgets', () => {
  test('accepts page types of kinds to bytes or null', () => {
    expect(parseBudgets({ default: { images: 819_200 }, 'news-post': { js: null } }, 'b.json')).toEqual({
      default: { images: 819_200 },
      'news-post': { js: null },
    });
  });

  test.each([
    [[1, 2], /b\.json must hold an object of page types/],
    [{ home: 5 }, /b\.json: "home" must be an object/],
    [{ home: { javascript: 5 } }, /"home\.javascript" is not a kind of resource; use one of html, css, js/],
    [{ home: { js: '10 KB' } }, /"home\.js" must be a number of bytes/],
    [{ home: { js: -1 } }, /"home\.js" must be a number of bytes/],
  ])('rejects %j with a message naming the file and key', (value, message) => {
    expect(() => parseBudgets(value, 'b.json')).toThrow(message);
  });
});
