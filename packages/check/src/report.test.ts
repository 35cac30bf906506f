import { expect, test } from 'vitest';
import { budgetFor } from './budgets.ts';
import { linksGate, weightGate } from './gates.ts';
import { formatReport, type CheckReport } from './report.ts';

const weights = { html: 9000, css: 9000, js: 0, fonts: 70_000, images: 20_000, other: 0 };

function reportOf(gates: CheckReport['gates'], lighthouse?: CheckReport['lighthouse']): CheckReport {
  return { dist: '/site/dist', base: '/', passed: gates.every((gate) => gate.passed), pages: [], gates, weights: [], ...(lighthouse ? { lighthouse } : {}) };
}

test('one line per gate, then each failure with its fix; the same failure on many pages is told once', () => {
  const links = linksGate(
    {
      checked: 40,
      broken: [
        { from: '/a/', href: '/rss.xml', reason: 'no such page or file (a static host answers 404)' },
        { from: '/b/', href: '/rss.xml', reason: 'no such page or file (a static host answers 404)' },
        { from: '/b/', href: '#x', reason: 'no element with id "x" on this page' },
      ],
    },
    [],
    2,
  );
  const weight = weightGate([{ type: 'home', path: '/', weights, budget: budgetFor('home') }]);
  const lines = formatReport(reportOf([links, weight]));
  expect(lines).toEqual([
    '✗ Links        3 broken links of 40 checked on 2 pages',
    '✓ Page weight  1 page of 1 within budget (html, css, js, fonts, images)',
    '',
    '✗ Links: 3 broken links of 40 checked on 2 pages',
    '  /rss.xml — no such page or file (a static host answers 404)',
    '      on 2 pages: /a/, /b/',
    '  /b/: #x — no element with id "x" on this page',
    `  What to do: ${links.fix}`,
    '',
    '1 of 2 gates failed.',
  ]);
});

test('Lighthouse scores are listed for information, with what kept a category below 100', () => {
  const weight = weightGate([{ type: 'home', path: '/', weights: { ...weights, js: 1 }, budget: budgetFor('home') }]);
  expect(weight.failures).toEqual([{ where: '/ (home)', detail: 'js 1 B, over the budget of 0 B' }]);
  const lines = formatReport(
    reportOf(
      [{ ...weight, passed: true, failures: [] }],
      [
        {
          type: 'home',
          path: '/',
          scores: { performance: 97, accessibility: 100 },
          shortfalls: ['largest-contentful-paint: Largest Contentful Paint (2.6 s)'],
        },
        { type: 'search', path: undefined, scores: {}, shortfalls: [], note: 'skipped: the site has no search page' },
      ],
    ),
  );
  expect(lines.slice(2, 6)).toEqual([
    'Lighthouse (mobile, default config; the target of 100 is reported, not enforced):',
    '  home /: performance 97 · accessibility 100',
    '      below 100: largest-contentful-paint: Largest Contentful Paint (2.6 s)',
    '  search: skipped: the site has no search page',
  ]);
  expect(lines.at(-1)).toBe('All 1 gates passed.');
});
