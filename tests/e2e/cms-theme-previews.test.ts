import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { openAdmin, openEditorPage, type LocalEditing } from '../support/cms.ts';
import { createSiteRepository, freePort, git, startEditing } from '../support/site-repo.ts';
import { REPO_ROOT } from '../support/sites.ts';
import { configWithTheme, SECOND_THEME } from '../support/themes.ts';

/**
 * A second theme, installed in the site's node_modules as a theme from npm would be: the commons
 * theme's components and styles, and previews of its own, in markup the commons theme never uses.
 * Nothing in packages/cms knows it.
 */
function installLanternTheme(site: string, { previews }: { previews: boolean }): void {
  const commons = join(REPO_ROOT, 'themes/commons');
  const manifest = JSON.parse(readFileSync(join(commons, 'package.json'), 'utf8')).openoutreach;
  const absolute = (path: string) => join(commons, path);
  const dir = join(site, 'node_modules/theme-lantern');
  mkdirSync(dir, { recursive: true });
  const openoutreach = {
    ...(previews ? { cmsPreview: './cms/previews.ts' } : {}),
    components: Object.fromEntries(Object.entries(manifest.components as Record<string, string>).map(([name, path]) => [name, absolute(path)])),
    styles: (manifest.styles as string[]).map(absolute),
    fonts: manifest.fonts,
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'theme-lantern', version: '1.0.0', type: 'module', openoutreach }, null, 2));
  mkdirSync(join(dir, 'cms'));
  writeFileSync(
    join(dir, 'cms/previews.ts'),
    `import type { CmsPreviews } from '@openoutreach/cms/preview';

export default function registerPreviews(cms: CmsPreviews): void {
  const { h } = cms;
  cms.register('news', ({ entry, widgetFor }) =>
    h('div', { className: 'lantern-post' }, [
      h('h2', { className: 'lantern-post__title', key: 'title' }, entry.getIn(['data', 'title'])),
      h('section', { className: 'lantern-post__text', key: 'body' }, widgetFor('body')),
    ]),
  );
}
`,
  );
  const config = join(site, 'astro.config.mjs');
  writeFileSync(config, readFileSync(config, 'utf8').replace('openOutreach({', "openOutreach({ theme: 'theme-lantern',"));
  git(site, 'commit', '-qam', 'Use the lantern theme');
}

/** Local editing of a copy of the starter that `install` gives another theme first (see `editLocally`). */
function editWithTheme(name: string, install: (site: string) => void): { page: () => Page; editing: LocalEditing } {
  const started: Partial<LocalEditing> = {};
  let page: Page;
  beforeAll(async () => {
    started.site = createSiteRepository(name);
    install(started.site);
    started.ports = { site: await freePort(), cms: await freePort() };
    started.adminUrl = `http://127.0.0.1:${started.ports.site}/admin/`;
    started.browser = await launchBrowser();
    started.editing = await startEditing(started.site, started.ports);
    page = await openEditorPage(started.browser);
  });
  afterAll(async () => {
    started.editing?.child.kill('SIGTERM');
    await started.editing?.exited;
    await started.browser?.close();
  });
  return { page: () => page, editing: started as LocalEditing };
}

const editWithLantern = (name: string, previews: boolean) => editWithTheme(name, (site) => installLanternTheme(site, { previews }));

describe('a site with another theme', () => {
  const lantern = editWithLantern('cms-theme-previews', true);

  test("previews a news post with that theme's markup, with no change in the CMS package", async () => {
    const page = lantern.page();
    await openAdmin(page, lantern.editing, '#/collections/news/new', 'cms-theme-previews-failure');
    await page.getByLabel('Title', { exact: true }).fill('Lanterns on the river');
    const preview = page.frameLocator('iframe').first();
    await expect.poll(() => preview.locator('.lantern-post .lantern-post__title').textContent()).toBe('Lanterns on the river');
    expect(await preview.locator('.news-post, [data-openoutreach-preview=fallback]').count()).toBe(0);
  });
});

describe('a site whose theme provides no previews', () => {
  const lantern = editWithLantern('cms-theme-no-previews', false);

  test('shows plain previews under a note naming the theme', async () => {
    const page = lantern.page();
    await openAdmin(page, lantern.editing, '#/collections/news/new', 'cms-theme-no-previews-failure');
    await page.getByLabel('Title', { exact: true }).fill('Lanterns on the river');
    const preview = page.frameLocator('iframe').first();
    await expect.poll(() => preview.locator('[data-openoutreach-preview=fallback] h1').textContent()).toBe('Lanterns on the river');
    expect(await preview.getByRole('note').textContent()).toContain('the theme "theme-lantern" provides no CMS previews');
  });
});

describe(`a site switched to the ${SECOND_THEME} theme`, () => {
  const theme = `@openoutreach/theme-${SECOND_THEME}`;
  const switched = editWithTheme(`cms-${SECOND_THEME}-previews`, (site) => {
    // The one line a member changes (docs/themes.md); the theme is a workspace package here.
    const config = join(site, 'astro.config.mjs');
    writeFileSync(config, configWithTheme(readFileSync(config, 'utf8'), theme, config));
    git(site, 'commit', '-qam', `Use the ${SECOND_THEME} theme`);
  });
  const themeDir = dirname(createRequire(join(REPO_ROOT, 'package.json')).resolve(`${theme}/package.json`));
  const manifest = JSON.parse(readFileSync(join(themeDir, 'package.json'), 'utf8')).openoutreach as { styles: string[]; cmsPreview?: string };
  /** The theme's stylesheets the preview links, as the dev server names them (/@fs/<path>?direct). */
  const linkedStyles = (page: Page) =>
    page
      .frameLocator('iframe')
      .first()
      .locator('link[rel=stylesheet]')
      .evaluateAll((links) => links.map((link) => decodeURIComponent(new URL((link as HTMLLinkElement).href).pathname)));

  test("previews a news post with the theme's own previews, styled by its stylesheets", async () => {
    expect(manifest.cmsPreview, `${theme} names its CMS previews in package.json`).toBeTruthy();
    const page = switched.page();
    await openAdmin(page, switched.editing, '#/collections/news/new', `cms-${SECOND_THEME}-previews-failure`);
    await page.getByLabel('Title', { exact: true }).fill('Winter coat drive');
    await page.getByLabel(/^Summary/).fill('Bring warm coats to the community hall.');
    await page.locator('[contenteditable=true]').first().click();
    await page.keyboard.type('Drop off coats at the hall every Saturday in December.');
    const preview = page.frameLocator('iframe').first();
    await expect.poll(() => preview.getByRole('heading', { level: 1 }).textContent()).toBe('Winter coat drive');
    await expect.poll(() => preview.locator('body').textContent()).toContain('Bring warm coats to the community hall.');
    expect(await preview.locator('body').textContent()).toContain('Drop off coats at the hall every Saturday in December.');
    expect(await preview.locator('[data-openoutreach-preview=fallback]').count()).toBe(0);
    const styles = await linkedStyles(page);
    const ownDir = `/@fs${realpathSync(themeDir)}/`;
    for (const style of manifest.styles) expect(styles, `the preview links ${style}`).toContain(join(ownDir, style));
    expect(
      styles.filter((style) => style.includes('/themes/') && !style.startsWith(ownDir)),
      "another theme's stylesheets",
    ).toEqual([]);
  });

  test('previews the home page banner with the theme', async () => {
    const page = switched.page();
    await openAdmin(page, switched.editing, '#/collections/pages/entries/home', `cms-${SECOND_THEME}-home-failure`);
    await page.getByLabel(/^Summary/).fill('Neighbours keeping each other warm this winter.');
    const preview = page.frameLocator('iframe').first();
    await expect.poll(() => preview.locator('body').textContent()).toContain('Neighbours keeping each other warm this winter.');
    expect(await preview.locator('[data-openoutreach-preview=fallback]').count()).toBe(0);
  });
});
