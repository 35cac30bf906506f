import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { fixture } from '../support/sites.ts';
import { visitSite } from '../support/visitor.ts';

const dist = join(fixture('minimal'), 'dist');
const site = visitSite(dist);

test('dangerous Markdown builds to a page where none of it survives', () => {
  const html = readFileSync(join(dist, 'dangerous/index.html'), 'utf8');
  const body = html.slice(html.indexOf('<div class="prose">'), html.indexOf('</article>'));
  expect(body).toContain('Before.');
  expect(body).toContain('After.');
  for (const pattern of [
    /<script/i,
    /onerror/i,
    /onload/i,
    /onclick/i,
    /javascript:/i,
    /<iframe/i,
    /<style/i,
    /style=/i,
    /<form/i,
    /<object/i,
    /evil\.example/,
  ]) {
    expect(body, `${pattern} is removed`).not.toMatch(pattern);
  }
});

test('nothing in the dangerous page runs in a real browser', async () => {
  const { page, server } = site;
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
});
