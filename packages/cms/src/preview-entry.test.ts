import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { fallbackNote, previewEntry } from './preview-entry.ts';

function theme(manifest: Record<string, unknown>, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'oo-theme-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'theme-x', openoutreach: { components: {}, ...manifest } }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("the CMS previews come from the site's theme", () => {
  test('the commons theme names its preview entry, which the virtual module exports', () => {
    const dir = fileURLToPath(new URL('../../../themes/commons/', import.meta.url));
    const preview = previewEntry('@openoutreach/theme-commons', dir);
    expect(preview.problems).toEqual([]);
    expect(preview.entry).toBe(join(dir, 'src/cms/previews.ts'));
    expect(preview.module).toBe(`export { default } from ${JSON.stringify(join(dir, 'src/cms/previews.ts'))};`);
  });

  test("another theme's entry is resolved from its own package.json", () => {
    const dir = theme({ cmsPreview: './cms/own.ts' }, { 'cms/own.ts': 'export default () => {};' });
    expect(previewEntry('theme-x', dir).entry).toBe(join(dir, 'cms/own.ts'));
  });

  test('a theme without one gets the plain previews, with a note naming the theme', () => {
    const preview = previewEntry('theme-x', theme({}));
    expect(preview.problems).toEqual([]);
    expect(preview.entry).toBeUndefined();
    expect(preview.module).toContain('fallback-previews.ts');
    expect(preview.module).toContain(JSON.stringify(fallbackNote('theme-x')));
    expect(fallbackNote('theme-x')).toMatch(/theme "theme-x" provides no CMS previews \("openoutreach.cmsPreview" in its package.json\)/);
  });

  test('an entry that does not exist is a problem naming the file, the field and the fix', () => {
    const dir = theme({ cmsPreview: './cms/missing.ts' });
    expect(previewEntry('theme-x', dir).problems).toEqual([
      {
        file: join(dir, 'package.json'),
        field: 'openoutreach.cmsPreview',
        message: 'the file ./cms/missing.ts does not exist',
        fix: expect.stringContaining('relative to the package.json'),
      },
    ]);
    expect(previewEntry('theme-x', theme({ cmsPreview: 3 })).problems[0]?.message).toBe('is not a path');
  });
});
