/**
 * Switching a site's theme changes no address and no content: every site, built with its own theme
 * (commons) and with the second theme, has the same files and the same text in each page's <main>.
 *
 * - Addresses: every file of the two builds except Vite's and Pagefind's hashed assets (`_astro/`,
 *   `pagefind/`), which are named after the theme's CSS and the indexed markup.
 * - Text: what a reader of <main> gets, read by Chromium's HTML parser: its text nodes, visually
 *   hidden ones included (script and style excepted), and the text attributes a browser shows or
 *   reads out (`alt`, `aria-label`, `title`, `placeholder`, a button input's `value`). Compared as
 *   words (letters and digits; punctuation and symbols such as "·" are decoration) with how often
 *   each occurs, in any order: a theme may put the date above the title, split a string over two
 *   elements or drop a separator, but not add or lose a word.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { SITE_BUILDS } from '../support/sites.ts';
import { configWithTheme, SECOND_THEME, themedBuild } from '../support/themes.ts';

const HASHED = /^(_astro|pagefind)\//;

/** The files of a build, "/"-separated and sorted, hashed assets left out. */
function addresses(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !HASHED.test(file))
    .sort();
}

/** The text of the page's <main> in document order, one piece per text node or attribute; null without a <main>. */
function mainText(page: Page, html: string): Promise<string[] | null> {
  // DOMParser: the browser's HTML parser, which runs no script and fetches nothing.
  return page.evaluate((html) => {
    const main = new DOMParser().parseFromString(html, 'text/html').querySelector('main');
    if (!main) return null;
    const pieces: string[] = [];
    const attributes = ['alt', 'aria-label', 'title', 'placeholder'];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) pieces.push(node.nodeValue ?? '');
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      const element = node as Element;
      if (['SCRIPT', 'STYLE'].includes(element.tagName)) return;
      for (const name of attributes) if (element.hasAttribute(name)) pieces.push(element.getAttribute(name)!);
      if (element.tagName === 'INPUT' && ['submit', 'button', 'reset'].includes((element as HTMLInputElement).type))
        pieces.push((element as HTMLInputElement).value);
      element.childNodes.forEach(walk);
    };
    walk(main);
    return pieces;
  }, html);
}

const wordsOf = (piece: string) => piece.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
const shown = (piece: string) => JSON.stringify(piece.replace(/\s+/g, ' ').trim().slice(0, 160));

/**
 * How the second text differs from the first: a line naming the first word lost (with the text it
 * was in), one naming the first word added; none when both have the same words as often.
 */
function textDifference(first: string[], second: string[]): string[] {
  const surplus = new Map<string, number>();
  for (const word of first.flatMap(wordsOf)) surplus.set(word, (surplus.get(word) ?? 0) + 1);
  for (const word of second.flatMap(wordsOf)) surplus.set(word, (surplus.get(word) ?? 0) - 1);
  const firstOff = (pieces: string[], sign: number) => {
    const left = new Map(surplus);
    for (const piece of pieces) {
      for (const word of wordsOf(piece)) {
        const count = sign * (left.get(word) ?? 0);
        if (count > 0) return { word, piece, count };
        left.set(word, (left.get(word) ?? 0) - sign);
      }
    }
  };
  const lines: string[] = [];
  const lost = firstOff(first, 1);
  const added = firstOff(second, -1);
  if (lost) lines.push(`lost "${lost.word}" (${lost.count} fewer) of the text ${shown(lost.piece)}`);
  if (added) lines.push(`added "${added.word}" (${added.count} more) in the text ${shown(added.piece)}`);
  return lines;
}

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(() => browser?.close());

describe('the comparison of two pages', () => {
  const texts = (html: string) => mainText(page, `<!doctype html><title>t</title><header>Menu</header>${html}`);

  test('ignores order, markup, punctuation and what is outside <main>; counts hidden text and alt text', async () => {
    const first = await texts('<main><h2>Coat drive</h2><p>May 4 · By Ann</p><img alt="Coats on a rail" src="a.webp"></main>');
    const second = await texts(
      '<main><p><span>May</span> 4</p><h3>Coat <em>drive</em></h3><figure><img alt="Coats on a rail"></figure><p>By Ann</p></main><footer>More</footer>',
    );
    expect(textDifference(first!, second!)).toEqual([]);
  });

  test('names the first word lost, the text it was in, and the first word added', async () => {
    const first = await texts('<main><h2>Coat drive</h2><p><span class="visually-hidden">Event:</span> Saturday</p></main>');
    const second = await texts('<main><h2>Coat drive</h2><p>Saturday Sunday</p></main>');
    expect(textDifference(first!, second!)).toEqual(['lost "Event" (1 fewer) of the text "Event:"', 'added "Sunday" (1 more) in the text "Saturday Sunday"']);
    const doubled = await texts('<main><h2>Coat drive</h2><p>Event: Saturday</p><img alt="Coat drive"></main>');
    expect(textDifference(first!, doubled!)).toEqual(['added "Coat" (1 more) in the text "Coat drive"']);
  });
});

describe('a site config with another theme', () => {
  const config = (call: string) => `import openOutreach from '@openoutreach/astro';\nexport default { integrations: [${call}] };\n`;
  const themed = (call: string) => configWithTheme(config(call), '@openoutreach/theme-harbour').split('\n')[1];

  test('names the theme in the one call of the integration, keeping every other option', () => {
    expect(themed('openOutreach()')).toBe(`export default { integrations: [openOutreach({ theme: "@openoutreach/theme-harbour" })] };`);
    expect(themed('openOutreach({ features: { events: false } })')).toBe(
      `export default { integrations: [openOutreach({ features: { events: false }, theme: "@openoutreach/theme-harbour", })] };`,
    );
    expect(themed(`openOutreach({ theme: '@openoutreach/theme-commons', settings: 'x.yaml' })`)).toBe(
      `export default { integrations: [openOutreach({ theme: "@openoutreach/theme-harbour", settings: 'x.yaml' })] };`,
    );
    expect(themed('openOutreach(options)')).toBe(`export default { integrations: [openOutreach({ ...(options), theme: "@openoutreach/theme-harbour" })] };`);
  });

  test('refuses a config it cannot change, naming the file', () => {
    expect(() => configWithTheme('export default {};', 'x', 'sites/a/astro.config.mjs')).toThrow(
      'sites/a/astro.config.mjs does not import @openoutreach/astro, so it cannot be built with another theme.',
    );
  });
});

describe.each(SITE_BUILDS)(`$name with the ${SECOND_THEME} theme`, (build) => {
  const themed = themedBuild(build, SECOND_THEME);

  test('has every address and only those', () => {
    const before = addresses(build.dist);
    const after = new Set(addresses(themed.dist));
    const missing = before.filter((file) => !after.delete(file));
    expect(missing, `${build.name}: files of ${build.outDir}/ missing from ${themed.outDir}/`).toEqual([]);
    expect([...after], `${build.name}: files of ${themed.outDir}/ not in ${build.outDir}/`).toEqual([]);
  });

  test("shows the same text in each page's <main>", async () => {
    const pages = addresses(build.dist).filter((file) => file.endsWith('.html'));
    const differences: string[] = [];
    for (const file of pages) {
      const read = (dist: string) => mainText(page, readFileSync(join(dist, file), 'utf8'));
      const [first, second] = [await read(build.dist), await read(themed.dist)];
      if (!first && !second) continue;
      const where = `${build.name}, ${build.base ?? '/'}${file}, with ${SECOND_THEME}`;
      if (!first || !second) differences.push(`${where}: ${first ? 'lost' : 'added'} the <main> element`);
      else differences.push(...textDifference(first, second).map((line) => `${where}: ${line}`));
    }
    expect(pages.length).toBeGreaterThan(0);
    expect(differences).toEqual([]);
  });
});
