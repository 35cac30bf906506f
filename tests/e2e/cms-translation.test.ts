import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { astroBuild } from '../support/build.ts';
import { commitCount, editLocally, openAdmin, openEditorPage, publish, waitForCommit } from '../support/cms.ts';
import { git } from '../support/site-repo.ts';
import { SITES } from '../support/sites.ts';

const cms = editLocally('cms-translation', SITES.riversideTenants.dir);

describe('an editor of the bilingual tenants’ union site', () => {
  test('writes a news post in English and its Spanish translation side by side; both are published', async () => {
    const page = await openEditorPage(cms.browser);
    const before = commitCount(cms.site);
    await openAdmin(page, cms, '#/collections/news/new', 'cms-translation-failure');
    // Decap shows the main language on the left and the translation on the right.
    const [english, spanish] = [0, 1];
    await page.getByLabel('Title', { exact: true }).nth(english).fill('Free legal clinic every Tuesday');
    await page.getByLabel('Publication date').nth(english).fill('2026-11-20');
    await page
      .getByLabel(/^Summary/)
      .nth(english)
      .fill('Lawyers answer tenants’ questions at the hall.');
    await page.locator('[contenteditable=true]').nth(english).click();
    await page.keyboard.type('Come with your lease and your questions.');
    await page.getByLabel('Title', { exact: true }).nth(spanish).fill('Asesoría legal gratuita cada martes');
    await page
      .getByLabel(/^Summary/)
      .nth(spanish)
      .fill('Abogadas responden las preguntas de los inquilinos en el salón.');
    await page.locator('[contenteditable=true]').nth(spanish).click();
    await page.keyboard.type('Ven con tu contrato y tus preguntas.');

    await publish(page);
    expect(await waitForCommit(cms.site, before)).toBeGreaterThan(before);
    expect(git(cms.site, 'status', '--porcelain')).toBe('');

    // One file per language, with the same name, where the build reads each language.
    const englishFile = readFileSync(join(cms.site, 'src/content/news/en/free-legal-clinic-every-tuesday.md'), 'utf8');
    const spanishFile = readFileSync(join(cms.site, 'src/content/news/es/free-legal-clinic-every-tuesday.md'), 'utf8');
    expect(englishFile).toContain('title: Free legal clinic every Tuesday');
    expect(spanishFile).toContain('title: Asesoría legal gratuita cada martes');
    // The date is the main language's, copied: a translation cannot drift from it.
    expect(spanishFile).toMatch(/date: 2026-11-20/);
    expect(spanishFile).toContain('Ven con tu contrato y tus preguntas.');
    await page.context().close();
  });

  test('the rebuilt site publishes the post in both languages, linked by the language switcher', async () => {
    const { code, output } = await astroBuild(cms.site);
    expect(code, output).toBe(0);
    const spanish = readFileSync(join(cms.site, 'dist/es/news/free-legal-clinic-every-tuesday/index.html'), 'utf8');
    expect(spanish).toContain('<html lang="es"');
    expect(spanish).toContain('<h1>Asesoría legal gratuita cada martes</h1>');
    expect(spanish).toMatch(/<a href="\/news\/free-legal-clinic-every-tuesday\/" lang="en" hreflang="en"/);
    const english = readFileSync(join(cms.site, 'dist/news/free-legal-clinic-every-tuesday/index.html'), 'utf8');
    expect(english).toContain('hreflang="es" href="https://riversidetenants.org/es/news/free-legal-clinic-every-tuesday/"');
    expect(readFileSync(join(cms.site, 'dist/es/rss.xml'), 'utf8')).toContain('Asesoría legal gratuita cada martes');
  });
});
