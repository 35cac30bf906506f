import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { setByHooks } from './hook-values.ts';
import { createSiteRepository, freePort, git, startEditing } from './site-repo.ts';
import { REPO_ROOT } from './sites.ts';

/** A site in a git repository of its own, being edited with `npm run edit`, and a Chromium to edit it with. */
export interface LocalEditing {
  /** The site repository's folder. */
  site: string;
  ports: { site: number; cms: number };
  /** The address of the site's CMS, ending with `/`. */
  adminUrl: string;
  editing: Awaited<ReturnType<typeof startEditing>>;
  browser: Browser;
}

/**
 * Registers the `beforeAll` and `afterAll` hooks that copy `from` (the starter by default) into
 * a new repository tests/.output/`name`, start local editing on free ports and launch Chromium,
 * then stop both. The returned object's properties are set by the `beforeAll` hook, so they are
 * only valid inside tests and hooks.
 */
export function editLocally(name: string, from?: string): LocalEditing {
  const started: Partial<LocalEditing> = {};
  beforeAll(async () => {
    started.site = createSiteRepository(name, from);
    started.ports = { site: await freePort(), cms: await freePort() };
    started.adminUrl = `http://127.0.0.1:${started.ports.site}/admin/`;
    started.browser = await launchBrowser();
    started.editing = await startEditing(started.site, started.ports);
  });
  afterAll(async () => {
    started.editing?.child.kill('SIGTERM');
    await started.editing?.exited;
    await started.browser?.close();
  });
  return setByHooks('editLocally', started, ['site', 'ports', 'adminUrl', 'editing', 'browser']);
}

/**
 * A page of its own browser context for the CMS: patient (30 s), since a dev server prepares
 * each page on first visit, and accepting the confirmation Decap asks for when a test leaves an
 * editor with unsaved changes.
 */
export async function openEditorPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(30_000);
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

/**
 * Opens the CMS at `hash` (such as `#/collections/news/new`), signs in through the local
 * backend's Login button if Decap asks, and waits for the entry editor. The first visit to a
 * fresh dev server can be slow, and Vite may reload the page once while it prepares its
 * dependencies; so a visit that does not reach the editor is tried again, three times in all.
 * The last failure leaves a screenshot tests/.output/`screenshotName`.png and carries the end of
 * the local editing server's output.
 */
export async function openAdmin(page: Page, { adminUrl, editing }: LocalEditing, hash: string, screenshotName = 'cms-failure'): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto('about:blank');
      await page.goto(`${adminUrl}${hash}`);
      // Decap shows its login screen, or, once signed in, the entry editor (every entry has a
      // title; a translated entry has one a language, the main language's first).
      const login = page.getByRole('button', { name: 'Login' });
      const editor = page.getByLabel('Title', { exact: true }).first();
      await login.or(editor).first().waitFor({ timeout: 30_000 });
      if (await login.isVisible()) await login.click();
      await editor.waitFor({ timeout: 30_000 });
      return;
    } catch (error) {
      if (attempt === 3) {
        const screenshot = `tests/.output/${screenshotName}.png`;
        await page.screenshot({ path: join(REPO_ROOT, screenshot) });
        throw new Error(`The CMS did not load (screenshot: ${screenshot}).\n${editing.output().slice(-2000)}`, { cause: error });
      }
    }
  }
}

/** Publishes the open entry at once, as an editor does from Decap's Publish menu. */
export async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Publish now', { exact: true }).click();
}

/** How many commits the site repository's HEAD has: each publish from the CMS adds one. */
export const commitCount = (site: string): number => Number(git(site, 'rev-list', '--count', 'HEAD'));

/** Waits up to 20 s for a commit beyond `after` commits, and returns the count it then finds. */
export async function waitForCommit(site: string, after: number): Promise<number> {
  for (let attempt = 0; attempt < 100 && commitCount(site) === after; attempt++) await new Promise((resolve) => setTimeout(resolve, 200));
  return commitCount(site);
}
