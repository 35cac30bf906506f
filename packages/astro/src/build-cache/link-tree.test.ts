import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { linkTree } from './link-tree.ts';

const root = mkdtempSync(join(tmpdir(), 'oo-link-tree-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('puts every file of a folder, sub-folders too, in another as a link to the same bytes, which outlives the other name', () => {
  const from = join(root, 'kept');
  mkdirSync(join(from, 'fragment'), { recursive: true });
  writeFileSync(join(from, 'pagefind.js'), 'script');
  writeFileSync(join(from, 'fragment/en_1.pf_fragment'), 'bytes');
  const to = join(root, 'dist/pagefind');
  linkTree(from, to);
  expect(readFileSync(join(to, 'pagefind.js'), 'utf8')).toBe('script');
  expect(readFileSync(join(to, 'fragment/en_1.pf_fragment'), 'utf8')).toBe('bytes');
  expect(statSync(join(to, 'fragment/en_1.pf_fragment')).ino).toBe(statSync(join(from, 'fragment/en_1.pf_fragment')).ino);
  // Astro empties dist/ before the next build: the kept files stay.
  rmSync(join(root, 'dist'), { recursive: true });
  expect(readFileSync(join(from, 'fragment/en_1.pf_fragment'), 'utf8')).toBe('bytes');
});
