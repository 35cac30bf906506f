import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { fixture } from '../support/sites.ts';

const dist = join(fixture('minimal'), 'dist');
let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  browser = await launchBrowser();
  server = await serveStatic(dist);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('dangerous Markdown builds to a page where none of it survives', () => {
  const html = readFileSync(join(dist, 'dangerous/index.html'), 'utf8');
  const body = html.slice(html.indexOf('<div class="prose">'), html.indexOf('</article>'));
  expect(body).toContain('Before.');
  expect(body).toContain('After.');
  for (const pattern of [/<script/i, /onerror/i, /onload/i, /onclick/i, /javascript:/i, /<iframe/i, /<style/i, /style=/i, /<form/i, /<object/i, /evil\.example/]) {
    expect(body, `${pattern} is removed`).not.toMatch(pattern);
  }
});

test('nothing in the dangerous page runs in a real browser', async () => {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(new URL('dangerous/', server.url).href);
  await page.locator('.prose div').first().click();
  // The sanitised links keep their text but lose their javascript: targets, so clicking them
  // stays on this page, where the check below runs.
  for (const link of await page.locator('.prose a').all()) await link.click();
  expect(page.url()).toBe(new URL('dangerous/', server.url).href);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await page.locator('main').isVisible()).toBe(true);
  expect(dialogs).toEqual([]);
  await page.close();
});
