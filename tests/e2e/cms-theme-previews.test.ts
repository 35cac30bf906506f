import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { openAdmin, openEditorPage, type LocalEditing } from '../support/cms.ts';
import { createSiteRepository, freePort, git, startEditing } from '../support/site-repo.ts';
import { REPO_ROOT } from '../support/sites.ts';

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

function editWithLantern(name: string, previews: boolean): { page: () => Page; editing: LocalEditing } {
  const started: Partial<LocalEditing> = {};
  let page: Page;
  beforeAll(async () => {
    started.site = createSiteRepository(name);
    installLanternTheme(started.site, { previews });
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
