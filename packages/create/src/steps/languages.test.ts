import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { oneFolderDeeper, setUpLanguages, withLanguages } from './languages.mjs';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function starter(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'oo-languages-'));
  folders.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const SETTINGS = 'name: Riverside\ndefaultLocale: en\ntimeZone: UTC\n';

describe('setting up the languages of a new site', () => {
  test('moves the content into the main language’s folders, one level deeper, and gives each other language a home page', () => {
    const dir = starter({
      'src/settings/site.yaml': SETTINGS,
      'src/content/pages/home.md': '---\ntitle: Welcome\nhero:\n  src: ../../assets/pages/home.jpg\n  alt: A street\n---\n![Map](../../assets/pages/map.png)\n',
      'src/content/news/fair.md': '---\ntitle: Fair\ndate: 2026-05-01\n---\n',
    });
    const lines: string[] = [];
    setUpLanguages({ projectDir: dir, languages: ['en', 'es'], dryRun: false, log: (line) => lines.push(line) });
    expect(readFileSync(join(dir, 'src/settings/site.yaml'), 'utf8')).toBe('name: Riverside\ndefaultLocale: en\nlocales:\n  - en\n  - es\ntimeZone: UTC\n');
    const home = readFileSync(join(dir, 'src/content/pages/en/home.md'), 'utf8');
    expect(home).toContain('src: ../../../assets/pages/home.jpg');
    expect(home).toContain('![Map](../../../assets/pages/map.png)');
    expect(readFileSync(join(dir, 'src/content/pages/es/home.md'), 'utf8')).toBe(home);
    expect(existsSync(join(dir, 'src/content/news/en/fair.md'))).toBe(true);
    expect(existsSync(join(dir, 'src/content/news/fair.md'))).toBe(false);
    expect(lines.join('\n')).toContain('src/content/pages/es/home.md: the home page, to translate');
  });

  test('with --dry-run, says what it would do and changes nothing', () => {
    const dir = starter({ 'src/settings/site.yaml': SETTINGS, 'src/content/pages/home.md': '---\ntitle: Welcome\n---\n' });
    const lines: string[] = [];
    setUpLanguages({ projectDir: dir, languages: ['fr', 'en'], dryRun: true, log: (line) => lines.push(line) });
    expect(lines.join('\n')).toMatch(/^Would set src\/settings\/site.yaml: defaultLocale fr, locales fr, en/);
    expect(readFileSync(join(dir, 'src/settings/site.yaml'), 'utf8')).toBe(SETTINGS);
    expect(existsSync(join(dir, 'src/content/pages/home.md'))).toBe(true);
  });

  test('one language other than English only changes the main language', () => {
    const dir = starter({ 'src/settings/site.yaml': SETTINGS, 'src/content/pages/home.md': '---\ntitle: Bienvenue\n---\n' });
    setUpLanguages({ projectDir: dir, languages: ['fr'], dryRun: false, log: () => {} });
    expect(readFileSync(join(dir, 'src/settings/site.yaml'), 'utf8')).toBe('name: Riverside\ndefaultLocale: fr\ntimeZone: UTC\n');
    expect(existsSync(join(dir, 'src/content/pages/home.md'))).toBe(true);
  });
});

test('oneFolderDeeper rewrites relative paths to the assets and nothing else', () => {
  expect(oneFolderDeeper('src: ../../assets/a.jpg\nlink: "../../assets/r.pdf"\nsee /assets/x and https://x.org/../../assets/')).toBe(
    'src: ../../../assets/a.jpg\nlink: "../../../assets/r.pdf"\nsee /assets/x and https://x.org/../../assets/',
  );
});

test('withLanguages adds the settings when the file has no defaultLocale', () => {
  expect(withLanguages('name: A\n', ['es', 'en'])).toBe('name: A\ndefaultLocale: es\nlocales:\n  - es\n  - en\n');
});
