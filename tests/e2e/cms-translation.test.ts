import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../support/build.ts';
import { launchBrowser } from '../support/browser.ts';
import { createSiteRepository, freePort, git, startEditing } from '../support/site-repo.ts';
import { REPO_ROOT, SITES } from '../support/sites.ts';

let browser: Browser;
let site: string;
let editing: Awaited<ReturnType<typeof startEditing>>;
let admin: string;

beforeAll(async () => {
  site = createSiteRepository('cms-translation', SITES.riversideTenants.dir);
  const ports = { site: await freePort(), cms: await freePort() };
  admin = `http://127.0.0.1:${ports.site}/admin/`;
  browser = await launchBrowser();
  editing = await startEditing(site, ports);
});
afterAll(async () => {
  editing?.child.kill('SIGTERM');
  await editing?.exited;
  await browser?.close();
});

const commitCount = () => Number(git(site, 'rev-list', '--count', 'HEAD'));

async function openEditor(page: Page, hash: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto('about:blank');
      await page.goto(`${admin}${hash}`);
      const login = page.getByRole('button', { name: 'Login' });
      const editor = page.getByLabel('Title', { exact: true }).first();
      await login.or(editor).first().waitFor({ timeout: 30_000 });
      if (await login.isVisible()) await login.click();
      await editor.waitFor({ timeout: 30_000 });
      return;
    } catch (error) {
      if (attempt === 3) {
        await page.screenshot({ path: join(REPO_ROOT, 'tests/.output/cms-translation-failure.png') });
        throw new Error(`The CMS did not load (screenshot: tests/.output/cms-translation-failure.png).\n${editing.output().slice(-2000)}`, { cause: error });
      }
    }
  }
}

describe('an editor of the bilingual tenants’ union site', () => {
  test('writes a news post in English and its Spanish translation side by side; both are published', async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(30_000);
    page.on('dialog', (dialog) => void dialog.accept());
    const before = commitCount();
    await openEditor(page, '#/collections/news/new');
    // Decap shows the main language on the left and the translation on the right.
    const [english, spanish] = [0, 1];
    await page.getByLabel('Title', { exact: true }).nth(english).fill('Free legal clinic every Tuesday');
    await page.getByLabel('Publication date').nth(english).fill('2026-11-20');
    await page.getByLabel(/^Summary/).nth(english).fill('Lawyers answer tenants’ questions at the hall.');
    await page.locator('[contenteditable=true]').nth(english).click();
    await page.keyboard.type('Come with your lease and your questions.');
    await page.getByLabel('Title', { exact: true }).nth(spanish).fill('Asesoría legal gratuita cada martes');
    await page.getByLabel(/^Summary/).nth(spanish).fill('Abogadas responden las preguntas de los inquilinos en el salón.');
    await page.locator('[contenteditable=true]').nth(spanish).click();
    await page.keyboard.type('Ven con tu contrato y tus preguntas.');

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Publish now', { exact: true }).click();
    for (let attempt = 0; attempt < 100 && commitCount() === before; attempt++) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(commitCount()).toBeGreaterThan(before);
    expect(git(site, 'status', '--porcelain')).toBe('');

    // One file per language, with the same name, where the build reads each language.
    const englishFile = readFileSync(join(site, 'src/content/news/en/free-legal-clinic-every-tuesday.md'), 'utf8');
    const spanishFile = readFileSync(join(site, 'src/content/news/es/free-legal-clinic-every-tuesday.md'), 'utf8');
    expect(englishFile).toContain('title: Free legal clinic every Tuesday');
    expect(spanishFile).toContain('title: Asesoría legal gratuita cada martes');
    // The date is the main language's, copied: a translation cannot drift from it.
    expect(spanishFile).toMatch(/date: 2026-11-20/);
    expect(spanishFile).toContain('Ven con tu contrato y tus preguntas.');
    await page.context().close();
  });

  test('the rebuilt site publishes the post in both languages, linked by the language switcher', async () => {
    const { code, output } = await astroBuild(site);
    expect(code, output).toBe(0);
    const spanish = readFileSync(join(site, 'dist/es/news/free-legal-clinic-every-tuesday/index.html'), 'utf8');
    expect(spanish).toContain('<html lang="es"');
    expect(spanish).toContain('<h1>Asesoría legal gratuita cada martes</h1>');
    expect(spanish).toMatch(/<a href="\/news\/free-legal-clinic-every-tuesday\/" lang="en" hreflang="en"/);
    const english = readFileSync(join(site, 'dist/news/free-legal-clinic-every-tuesday/index.html'), 'utf8');
    expect(english).toContain('hreflang="es" href="https://riversidetenants.org/es/news/free-legal-clinic-every-tuesday/"');
    expect(readFileSync(join(site, 'dist/es/rss.xml'), 'utf8')).toContain('Asesoría legal gratuita cada martes');
  });
});
