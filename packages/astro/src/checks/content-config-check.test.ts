import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentConfigProblems } from './content-config-check.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function site(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'oo-content-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

describe('the site’s content config', () => {
  it('is accepted when it defines the kit’s collections, in any of the names Astro reads', () => {
    expect(contentConfigProblems(site({ 'src/content.config.ts': 'export const collections = openOutreachCollections();' }))).toEqual([]);
    expect(contentConfigProblems(site({ 'src/content.config.mjs': 'export const collections = { ...openOutreachCollections(), jobs };' }))).toEqual([]);
  });

  it('when missing (a plain Astro project after `astro add`), says to create it with the two lines it needs', () => {
    const [problem, ...more] = contentConfigProblems(site({ 'src/pages/about.astro': '<h1>About</h1>' }));
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ file: 'src/content.config.ts', field: '' });
    expect(problem!.fix).toContain("import { openOutreachCollections } from '@openoutreach/astro/content';");
    expect(problem!.fix).toContain('export const collections = openOutreachCollections();');
  });

  it('without the kit’s collections, names the file and how to add them beside the site’s own', () => {
    const problems = contentConfigProblems(site({ 'src/content.config.ts': 'export const collections = { jobs };' }));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'src/content.config.ts', field: 'collections', message: "does not define the kit's content collections" }),
    ]);
    expect(problems[0]!.fix).toContain('...openOutreachCollections()');
  });
});
