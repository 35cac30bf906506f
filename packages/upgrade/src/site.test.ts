import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSite } from './site.mjs';

let root: string;
const put = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
const POST = `---
# kept
title: Spring fair
author: ana
---
The body, with --- and key: value lines
that stay as they are.
`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'oo-upgrade-site-'));
  put('astro.config.mjs', `export default defineConfig({ integrations: [openOutreach({ features: { people: true } })] });\n`);
  put('src/settings/site.yaml', 'name: Maple Street\nnewsPerPage: 10\n');
  put('src/content/news/en/spring-fair.md', POST);
  put('src/content/news/es/feria.md', POST.replace('Spring fair', 'Feria'));
  put('src/content/pages/en/home.md', '---\ntitle: Home\n---\n');
  put('src/content/news/en/notes.txt', 'not content');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the site a migration edits', () => {
  it('lists the content files, by collection', () => {
    const site = createSite(root, { dryRun: false });
    expect(site.contentFiles('news')).toEqual([
      { path: 'src/content/news/en/spring-fair.md', collection: 'news' },
      { path: 'src/content/news/es/feria.md', collection: 'news' },
    ]);
    expect(site.contentFiles().map((file) => file.path)).toContain('src/content/pages/en/home.md');
    expect(site.contentFiles('albums')).toEqual([]);
  });

  it('edits front matter and leaves the body and the comments as they were', () => {
    const site = createSite(root, { dryRun: false });
    let body = '';
    const changed = site.editFrontMatter('src/content/news/en/spring-fair.md', (frontMatter, text) => {
      frontMatter.rename(['author'], 'authors');
      body = text;
    });
    expect(changed).toBe(true);
    expect(body).toBe('The body, with --- and key: value lines\nthat stay as they are.\n');
    expect(readFileSync(join(root, 'src/content/news/en/spring-fair.md'), 'utf8')).toBe(POST.replace('author: ana', 'authors: ana'));
    expect(site.editFrontMatter('src/content/news/en/spring-fair.md', (frontMatter) => frontMatter.rename(['author'], 'authors'))).toBe(false);
  });

  it('edits the settings the config names, and the config', () => {
    put('astro.config.mjs', `openOutreach({ settings: './config/settings.yaml' })\n`);
    put('config/settings.yaml', 'name: Other\n');
    const site = createSite(root, { dryRun: false });
    site.editSettings((settings) => settings.set(['tagline'], 'Hi'));
    expect(readFileSync(join(root, 'config/settings.yaml'), 'utf8')).toBe('name: Other\ntagline: Hi\n');
    site.editConfig((text) => text.replace('openOutreach(', 'kit('));
    expect(readFileSync(join(root, 'astro.config.mjs'), 'utf8')).toMatch(/^kit\(/);
  });

  it('writes nothing in a dry run, and keeps each change to show', () => {
    const site = createSite(root, { dryRun: true });
    site.editSettings((settings) => settings.set(['newsPerPage'], 12));
    site.editSettings((settings) => settings.set(['tagline'], 'Hi'));
    site.write('src/new.txt', 'new\n');
    expect(readFileSync(join(root, 'src/settings/site.yaml'), 'utf8')).toBe('name: Maple Street\nnewsPerPage: 10\n');
    expect(site.read('src/settings/site.yaml')).toBe('name: Maple Street\nnewsPerPage: 12\ntagline: Hi\n');
    expect(Object.fromEntries(site.changes)).toEqual({
      'src/settings/site.yaml': { before: 'name: Maple Street\nnewsPerPage: 10\n', after: 'name: Maple Street\nnewsPerPage: 12\ntagline: Hi\n' },
      'src/new.txt': { before: undefined, after: 'new\n' },
    });
  });

  it('names a missing file and how to restore it', () => {
    rmSync(join(root, 'src/settings/site.yaml'));
    const site = createSite(root, { dryRun: false });
    expect(() => site.editSettings(() => {})).toThrow(
      'src/settings/site.yaml is missing.\n  Fix: restore it from git (git checkout -- src/settings/site.yaml)',
    );
  });

  it('works on a copy of the starter without changing what it does not touch', () => {
    const starter = join(import.meta.dirname, '../../../starter');
    cpSync(join(starter, 'src'), join(root, 'src'), { recursive: true });
    const site = createSite(root, { dryRun: true });
    for (const file of site.contentFiles()) site.editFrontMatter(file.path, (frontMatter) => frontMatter.rename(['no-such-field'], 'other'));
    site.editSettings((settings) => settings.rename(['no-such-field'], 'other'));
    expect(site.changes.size).toBe(0);
  });
});
