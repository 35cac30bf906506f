import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../packages/check/src/browser.ts';
import { findBrowser } from '../support/browser.ts';
import { beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../support/build.ts';
import { commitCount, editLocally, openAdmin, openEditorPage, publish, waitForCommit } from '../support/cms.ts';
import { createSiteRepository, freePort, git, startEditing } from '../support/site-repo.ts';
import { REPO_ROOT } from '../support/sites.ts';

const cms = editLocally('cms-local-editing');

describe('a newbie editing the site in the browser', () => {
  const hosts = new Set<string>();
  let page: Page;
  beforeAll(async () => {
    expect(cms.editing.output(), 'local editing started').toContain('/admin/');
    page = await openEditorPage(cms.browser);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http')) hosts.add(url.host);
    });
  });

  test('creates a news post with a cover image, which needs its description; the save is a git commit', async () => {
    const before = commitCount(cms.site);
    await openAdmin(page, cms, '#/collections/news/new');
    await page.getByLabel('Title', { exact: true }).fill('Winter coat drive');
    await page.getByLabel('Publication date').fill('2026-11-05');
    await page.getByLabel(/^Summary/).fill('Bring warm coats to the community hall.');
    await page.getByLabel(/^Tags/).fill('events, winter');
    await page.getByRole('button', { name: 'Choose an image' }).click();
    const photo = join(tmpdir(), 'coat-drive.jpg');
    copyFileSync(join(REPO_ROOT, 'starter/src/assets/news/tool-library.jpg'), photo);
    await page.locator('input[type=file]').setInputFiles(photo);
    // The upload is selected as soon as it lands in the media library.
    await page.getByRole('button', { name: 'Choose selected' }).click();
    await page.locator('[contenteditable=true]').first().click();
    await page.keyboard.type('Drop off coats at the hall every Saturday in December.');

    // The preview is the theme's own (its cmsPreview entry): NewsPostLayout's markup and classes.
    const preview = page.frameLocator('iframe').first();
    await expect.poll(() => preview.locator('main#main article.news-post .page__header h1').textContent()).toBe('Winter coat drive');
    expect(await preview.locator('.news-post .news-card__meta').textContent()).toContain('2026');
    expect(await preview.locator('.news-post .page__header .lead').textContent()).toBe('Bring warm coats to the community hall.');
    expect(await preview.locator('.news-post img.page__hero').count()).toBe(1);
    expect(await preview.locator('.news-post .tag-list li').allTextContents()).toEqual(['events', 'winter']);
    expect(await preview.locator('.news-post .prose').textContent()).toContain('Drop off coats at the hall');
    expect(await preview.locator('[data-openoutreach-preview=fallback]').count()).toBe(0);

    // An image without its description cannot be published…
    await publish(page);
    await expect.poll(() => page.getByText('Describe the image in a few words').count()).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(commitCount(cms.site)).toBe(before);

    // …and with it, it can.
    await page.getByLabel(/^Image description/).fill('A rack of warm winter coats');
    await publish(page);
    expect(await waitForCommit(cms.site, before), cms.editing.output().slice(-3000)).toBeGreaterThan(before);

    const post = readFileSync(join(cms.site, 'src/content/news/winter-coat-drive.md'), 'utf8');
    expect(post).toContain('title: Winter coat drive');
    expect(post).toMatch(/src: \.\.\/\.\.\/assets\/news\/coat-drive\.jpg/);
    expect(post).toContain('alt: A rack of warm winter coats');
    expect(existsSync(join(cms.site, 'src/assets/news/coat-drive.jpg'))).toBe(true);
    expect(git(cms.site, 'status', '--porcelain')).toBe('');
  });

  test('creates an event with a place and a photo', async () => {
    const before = commitCount(cms.site);
    await openAdmin(page, cms, '#/collections/events/new');
    await page.getByLabel('Title', { exact: true }).fill('Winter repair café');
    await page.getByLabel('Starts', { exact: true }).fill('2027-01-16T10:00');
    await page.getByLabel(/^Ends/).fill('2027-01-16T13:00');
    await page.getByLabel(/^Place/).fill('Maple Street Community Hall');
    await page.getByLabel(/^Address/).fill('12 Maple Street, Springfield');
    await page.getByLabel(/^Latitude/).fill('43.6532');
    await page.getByLabel(/^Longitude/).fill('-79.3832');
    await page.getByRole('button', { name: 'Choose an image' }).click();
    const photo = join(tmpdir(), 'repair-cafe.jpg');
    copyFileSync(join(REPO_ROOT, 'starter/src/assets/pages/volunteer-table.jpg'), photo);
    await page.locator('input[type=file]').setInputFiles(photo);
    await page.getByRole('button', { name: 'Choose selected' }).click();
    await page.getByLabel(/^Image description/).fill('Neighbours fixing a lamp at a long table');
    await publish(page);
    expect(await waitForCommit(cms.site, before), cms.editing.output().slice(-3000)).toBeGreaterThan(before);
    const event = readFileSync(join(cms.site, 'src/content/events/winter-repair-cafe.md'), 'utf8');
    expect(event).toContain('title: Winter repair café');
    expect(event).toContain('name: Maple Street Community Hall');
    expect(existsSync(join(cms.site, 'src/assets/events/repair-cafe.jpg'))).toBe(true);
  });

  test('changes the home page banner text, previewed with the site’s own styles', async () => {
    const before = commitCount(cms.site);
    await openAdmin(page, cms, '#/collections/pages/entries/home');
    await page.getByLabel(/^Summary/).fill('Neighbours keeping each other warm this winter.');

    // The preview shows the change as the site will: the theme's markup and its real stylesheet.
    const preview = page.frameLocator('iframe').first();
    await expect.poll(() => preview.locator('.hero__lead').textContent()).toBe('Neighbours keeping each other warm this winter.');
    const headingFont = await preview.locator('.hero h1').evaluate((heading) => getComputedStyle(heading).fontFamily);
    expect(headingFont).toContain('Atkinson Hyperlegible');

    await publish(page);
    expect(await waitForCommit(cms.site, before), cms.editing.output().slice(-3000)).toBeGreaterThan(before);
    expect(readFileSync(join(cms.site, 'src/content/pages/home.md'), 'utf8')).toContain('Neighbours keeping each other warm this winter.');
  });

  test('cannot publish a page whose required title is empty', async () => {
    const before = commitCount(cms.site);
    await openAdmin(page, cms, '#/collections/pages/new');
    await page.getByLabel(/^Summary/).fill('A page without a title');
    await publish(page).catch(() => undefined);
    await expect.poll(() => page.getByText(/required/i).count()).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(commitCount(cms.site)).toBe(before);
  });

  test('does not sweep a file changed outside the CMS into a save: it says why, and saves once that file is committed', async () => {
    const before = commitCount(cms.site);
    writeFileSync(join(cms.site, 'src/content/pages/notes-to-self.md'), '---\ntitle: Notes\ndraft: true\n---\nNot for the CMS.\n');
    await openAdmin(page, cms, '#/collections/pages/entries/about');
    await page.getByLabel(/^Summary/).fill('Who we are and what we do on Maple Street.');
    await publish(page);
    await expect.poll(() => page.getByText(/changed outside the CMS \(src\/content\/pages\/notes-to-self\.md\)/).count()).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(commitCount(cms.site)).toBe(before);
    expect(git(cms.site, 'status', '--porcelain')).toContain('?? src/content/pages/notes-to-self.md');

    git(cms.site, 'add', 'src/content/pages/notes-to-self.md');
    git(cms.site, 'commit', '-qm', 'My notes');
    await publish(page);
    expect(await waitForCommit(cms.site, before + 1), cms.editing.output().slice(-3000)).toBeGreaterThan(before + 1);
    expect(git(cms.site, 'show', '--name-only', '--format=', 'HEAD')).toBe('src/content/pages/about.md');
  });

  test('the admin talks to no host but the site and the local backend', () => {
    expect([...hosts].sort()).toEqual([`127.0.0.1:${cms.ports.cms}`, `127.0.0.1:${cms.ports.site}`].sort());
  });

  test('the rebuilt site shows the new post, the new event with its .ics, and the new banner text', async () => {
    const { code, output } = await astroBuild(cms.site);
    expect(code, output).toBe(0);
    const post = readFileSync(join(cms.site, 'dist/news/winter-coat-drive/index.html'), 'utf8');
    expect(post).toContain('<h1>Winter coat drive</h1>');
    expect(post).toContain('alt="A rack of warm winter coats"');
    expect(readFileSync(join(cms.site, 'dist/index.html'), 'utf8')).toContain('Neighbours keeping each other warm this winter.');
    const event = readFileSync(join(cms.site, 'dist/events/winter-repair-cafe/index.html'), 'utf8');
    expect(event).toContain('Winter repair café');
    expect(event).toContain('alt="Neighbours fixing a lamp at a long table"');
    const ics = readFileSync(join(cms.site, 'dist/events/winter-repair-cafe.ics'), 'utf8');
    expect(ics).toContain('SUMMARY:Winter repair café');
    expect(ics).toMatch(/DTSTART;TZID=America\/Toronto:20270116T100000/);
    expect(ics).toContain('GEO:43.6532;-79.3832');
  });
});

describe('a hostile web page in the editor’s browser, while local editing runs', () => {
  const save = (path: string) =>
    JSON.stringify({
      action: 'persistEntry',
      params: {
        branch: 'main',
        entry: { slug: 'planted', path, raw: '---\ntitle: Planted\n---\n' },
        assets: [],
        options: { collectionName: 'pages', commitMessage: 'Planted', useWorkflow: false, status: 'draft' },
      },
    });

  test('cannot save or read through the CMS backend by rebinding its own name to 127.0.0.1', async () => {
    const before = commitCount(cms.site);
    // The page's name now leads to this computer, as after a DNS rebinding: to Chromium, the
    // backend is the page's own origin, so no CORS rule stands in the way; the guard must.
    const browser = await chromium.launch({ executablePath: findBrowser()!, args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP evil.example 127.0.0.1'] });
    try {
      const page = await browser.newPage();
      await page.goto(`http://evil.example:${cms.ports.cms}/`);
      const answers = await page.evaluate(
        async (bodies) =>
          Promise.all(
            bodies.map(async (body) => {
              const response = await fetch('/api/v1', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
              return { status: response.status, text: await response.text() };
            }),
          ),
        [
          save('src/content/pages/planted.md'),
          save('.git/config'),
          JSON.stringify({ action: 'getEntry', params: { branch: 'main', path: 'src/settings/site.yaml' } }),
        ],
      );
      for (const answer of answers) {
        expect(answer.status).toBe(403);
        expect(answer.text).toContain('Refused: this CMS backend answers only requests addressed to 127.0.0.1');
      }
      // The site's preview server (Vite) refuses a rebound name too, so the page cannot read the CMS's files.
      expect((await page.goto(`http://evil.example:${cms.ports.site}/admin/config.yml`))?.status()).toBe(403);
    } finally {
      await browser.close();
    }
    expect(commitCount(cms.site)).toBe(before);
    expect(existsSync(join(cms.site, 'src/content/pages/planted.md'))).toBe(false);
  });

  test('cannot save through the CMS backend from another site on this computer, with or without CORS', async () => {
    const before = commitCount(cms.site);
    const other = createServer((_request, response) => response.end('<!doctype html><title>Another site</title>'));
    const port = await freePort();
    await new Promise<void>((resolve) => other.listen(port, '127.0.0.1', resolve));
    try {
      const page = await openEditorPage(cms.browser);
      await page.goto(`http://localhost:${port}/`);
      const outcome = await page.evaluate(
        async ({ backend, body }) => {
          const cors = await fetch(backend, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then(
            (response) => `answered ${response.status}`,
            () => 'blocked',
          );
          // A "simple" request needs no permission from the server, and its answer stays unreadable.
          await fetch(backend, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body });
          return cors;
        },
        { backend: `http://127.0.0.1:${cms.ports.cms}/api/v1`, body: save('src/content/pages/planted.md') },
      );
      expect(outcome).toBe('blocked');
      await page.context().close();
    } finally {
      other.close();
    }
    expect(commitCount(cms.site)).toBe(before);
    expect(existsSync(join(cms.site, 'src/content/pages/planted.md'))).toBe(false);
  });
});

describe('starting local editing', () => {
  test('refuses, naming the files, when the site has uncommitted changes', async () => {
    const dirty = createSiteRepository('cms-dirty');
    writeFileSync(join(dirty, 'src/content/pages/draft-notes.md'), '---\ntitle: Notes\n---\n');
    const refused = await startEditing(dirty, { site: await freePort(), cms: await freePort() });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain('src/content/pages/draft-notes.md');
    expect(refused.output()).toContain('Fix: commit them');
  });
});
