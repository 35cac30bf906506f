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
 * How the second text differs from the first: a line for the words lost and one for the words
 * added, each naming the text most of it comes from (the first text whose words are the most
 * lost, or added); none when both have the same words as often.
 */
function textDifference(first: string[], second: string[]): string[] {
  // How many more times each word is in the first text than in the second.
  const surplus = new Map<string, number>();
  for (const word of first.flatMap(wordsOf)) surplus.set(word, (surplus.get(word) ?? 0) + 1);
  for (const word of second.flatMap(wordsOf)) surplus.set(word, (surplus.get(word) ?? 0) - 1);
  const describe = (pieces: string[], sign: 1 | -1, what: 'lost' | 'added') => {
    const off = (word: string) => sign * (surplus.get(word) ?? 0) > 0;
    const total = [...surplus.values()].reduce((sum, count) => sum + Math.max(0, sign * count), 0);
    let best: { piece: string; words: string[]; share: number } | undefined;
    for (const piece of pieces) {
      const words = wordsOf(piece);
      const share = words.filter(off).length / words.length;
      if (share > (best?.share ?? 0)) best = { piece, words: [...new Set(words.filter(off))], share };
    }
    if (!best) return [];
    const words = best.words.map((word) => `"${word}"`).join(', ');
    return [`${what} ${words} ${what === 'lost' ? 'from' : 'in'} the text ${shown(best.piece)} (${total} ${total === 1 ? 'word' : 'words'} in all)`];
  };
  return [...describe(first, 1, 'lost'), ...describe(second, -1, 'added')];
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

  test('names the words lost and added, and the text they were in', async () => {
    const first = await texts('<main><h2>Coat drive</h2><p><span class="visually-hidden">Event:</span> Saturday</p></main>');
    const second = await texts('<main><h2>Coat drive</h2><p>Saturday Sunday</p></main>');
    expect(textDifference(first!, second!)).toEqual([
      'lost "Event" from the text "Event:" (1 word in all)',
      'added "Sunday" in the text "Saturday Sunday" (1 word in all)',
    ]);
    const doubled = await texts('<main><h2>Coat drive</h2><p>Event: Saturday</p><img alt="Coat drive"></main>');
    expect(textDifference(first!, doubled!)).toEqual(['added "Coat", "drive" in the text "Coat drive" (2 words in all)']);
    // The text that went, not the first other text that shares a common word with it.
    const card = await texts('<main><img alt="A map of the park"><p>Spring fair</p><p>· By Board of the co-op</p></main>');
    const cardWithoutAuthor = await texts('<main><img alt="A map of the park"><p>Spring fair</p></main>');
    expect(textDifference(card!, cardWithoutAuthor!)).toEqual([
      'lost "By", "Board", "of", "the", "co", "op" from the text "· By Board of the co-op" (6 words in all)',
    ]);
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

// A loop, not describe.each: each's $name shortens long names in the test's title.
for (const build of SITE_BUILDS) {
  describe(`${build.name} with the ${SECOND_THEME} theme`, () => {
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
}
