import { expect, test } from 'vitest';
import { fixture } from '../support/sites.ts';
import { axeInLightAndDark, visitSite } from '../support/visitor.ts';

/**
 * A techie's page type: a collection of the site's own and `src/pages/partners.astro`, drawn in
 * the theme's shell through `virtual:openoutreach/components/BaseLayout`.
 */
const site = visitSite(`${fixture('own-page-type')}/dist`);

test('a page type of the site’s own is reached from the menu and wears the theme’s header, footer and styles', async () => {
  await site.page.goto(site.server.url);
  await site.page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Partners' }).click();
  await site.page.waitForLoadState();
  expect(new URL(site.page.url()).pathname).toBe('/partners/');
  expect(await site.page.locator('body').getAttribute('data-page-type')).toBe('partners');
  expect(await site.page.locator('h1').textContent()).toBe('Our partners');
  expect(await site.page.locator('main li a').allTextContents()).toEqual(['Eastside Food Bank', 'Riverside Public Library']);
  expect(await site.page.title()).toBe('Our partners – Partners Fixture');
  expect(await site.page.locator('.site-header .site-brand').textContent()).toContain('Partners Fixture');
  expect(await site.page.locator('footer.site-footer').count()).toBe(1);
  expect(await site.page.locator('main h1').evaluate((heading) => getComputedStyle(heading).fontFamily)).toContain('Atkinson Hyperlegible');
  expect(await axeInLightAndDark(site.page)).toEqual([]);
  expect(site.requests.scripts).toEqual([]);
});
