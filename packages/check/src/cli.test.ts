import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { builtFor, page, removeSites, VALID_SITE, writeSite } from '../test/write-site.ts';
import { findBrowser } from './browser.ts';
import { findJava } from './html-validity.ts';
import { runCli } from './cli.ts';
import type { CheckReport } from './report.ts';

afterAll(removeSites);

async function run(argv: string[]) {
  const lines: string[] = [];
  const code = await runCli(argv, { log: (line) => lines.push(...line.split('\n')) });
  return { code, output: lines.join('\n'), lines };
}

describe('when it cannot run, it says why in one line and exits with 2', () => {
  test('no folder named', async () => {
    const { code, output } = await run([]);
    expect(code).toBe(2);
    expect(output).toMatch(/^Name the built site to check/);
    expect(output).toContain('Usage: openoutreach-check <dist>');
  });

  test('an unknown option', async () => {
    const { code, output } = await run(['dist', '--lighthous']);
    expect(code).toBe(2);
    expect(output).toMatch(/Unknown option '--lighthous'/);
  });

  test('no built site there', async () => {
    const { code, lines } = await run(['/nonexistent/dist']);
    expect(code).toBe(2);
    expect(lines).toEqual([
      'There is no built site at /nonexistent/dist: run `npm run build` in the site first, or name the folder that holds its index.html.',
    ]);
  });

  test('a budgets file with a mistake', async () => {
    const dist = writeSite({ 'index.html': page('home'), 'budgets.json': '{ "home": { "javascript": 0 } }' });
    const { code, lines } = await run([dist, '--budgets', join(dist, 'budgets.json')]);
    expect(code).toBe(2);
    expect(lines).toEqual([`${join(dist, 'budgets.json')}: "home.javascript" is not a kind of resource; use one of html, css, js, fonts, images, other.`]);
  });
});

describe.skipIf(!findBrowser() || !findJava())('a whole check', { timeout: 120_000 }, () => {
  test('of a good site built for a sub-path: every gate passes, exit 0, JSON report written', async () => {
    const dist = writeSite(builtFor('/sub/', VALID_SITE));
    const reportFile = join(dist, 'check-report.json');
    const { code, output } = await run([dist, '--base', 'sub', '--report', reportFile]);
    expect(output).toContain('✓ Page types     4 types in 4 pages: home /sub/, page /sub/about/, news-post /sub/news/first/, not-found /sub/404.html');
    expect(output).toMatch(/✓ Accessibility +0 violations on 4 pages/);
    expect(output).toMatch(/✓ Policy \(CSP\) +0 violations or errors on 4 pages/);
    expect(output).toMatch(/✓ Links +0 broken links of \d+ checked on 4 pages/);
    expect(output).toContain('All 7 gates passed.');
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as CheckReport;
    expect(report).toMatchObject({ base: '/sub/', passed: true });
    expect(report.gates.map((gate) => [gate.id, gate.passed])).toEqual([
      ['page-types', true],
      ['accessibility', true],
      ['third-parties', true],
      ['csp', true],
      ['html', true],
      ['links', true],
      ['weight', true],
    ]);
    expect(report.weights.find((weight) => weight.type === 'home')?.weights.html).toBe(
      Buffer.byteLength(VALID_SITE['index.html']!.replaceAll('="/', '="/sub/')),
    );
  });

  test('of a broken site: each failure with its page and a fix, exit 1', async () => {
    const dist = writeSite({
      ...VALID_SITE,
      'about/index.html': page('page', {
        body: '<h1>About</h1><ul><p>Not a list item</p></ul><a href="/news/first/#nothing">gone</a><img src="/dot.svg"><img src="https://cdn.example.net/t.gif" alt=""><script src="/app.js"></script>',
      }),
      'dot.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
      'app.js': 'document.title = "Scripted";',
      'budgets.json': JSON.stringify({ page: { html: 100 } }),
    });
    const { code, output } = await run([dist, '--budgets', join(dist, 'budgets.json')]);
    expect(code).toBe(1);
    expect(output).toMatch(/✗ Accessibility +2 violations on 4 pages/);
    expect(output).toContain('/about/: image-alt (critical) at img[src$="dot.svg"]');
    expect(output).toContain('/about/: list (serious) at ul');
    expect(output).toMatch(/✗ Third parties +1 request to other hosts from 4 pages/);
    expect(output).toContain('/about/: requests https://cdn.example.net/t.gif');
    expect(output).toMatch(/✗ HTML validity +\d+ errors? in 1 of 4 files/);
    expect(output).toMatch(/\/about\/ \(about\/index\.html:1:\d+\): Element “p” not allowed as child of element “ul”/);
    expect(output).toMatch(/✗ Links +1 broken link of \d+ checked on 4 pages/);
    expect(output).toContain('/about/: /news/first/#nothing — no element with id "nothing" on /news/first/');
    expect(output).toMatch(/✗ Page weight +3 pages of 4 within budget/);
    expect(output).toMatch(/\/about\/ \(page\): html [\d.]+ (KiB|B), over the budget of 100 B/);
    expect(output).toMatch(/\/about\/ \(page\): js 28 B, over the budget of 0 B/);
    expect(output).toContain('What to do: Point each link at a page or file that the build writes');
    expect(output).toContain('5 of 7 gates failed.');
  });
});
