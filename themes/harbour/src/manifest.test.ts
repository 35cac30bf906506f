/**
 * The theme's manifest (package.json `openoutreach`) against what a site can ask of it: every
 * component the reference theme (commons) implements, every font the settings can choose, and
 * each file it names present, so a site that switches to harbour builds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FONT_CHOICES } from '@openoutreach/core';
import { describe, expect, test } from 'vitest';

interface Manifest {
  components: Record<string, string>;
  styles: string[];
  cmsPreview: string;
  fonts: Record<string, { css: string[]; family: string; preload?: string[] }>;
}

const dir = new URL('../', import.meta.url);
const require = createRequire(new URL('package.json', dir));
const read = (path: URL | string): { openoutreach: Manifest } => JSON.parse(readFileSync(path, 'utf8'));
const harbour = read(new URL('package.json', dir)).openoutreach;
const commons = read(require.resolve('@openoutreach/theme-commons/package.json')).openoutreach;
const exists = (path: string) => existsSync(new URL(path, dir));

describe('the harbour manifest', () => {
  test('names every component commons implements, each an existing file of its own', () => {
    expect(Object.keys(harbour.components).sort()).toEqual(Object.keys(commons.components).sort());
    for (const [name, path] of Object.entries(harbour.components)) {
      expect(exists(path), `${name}: ${path}`).toBe(true);
      expect(path.startsWith('./src/'), `${name} is harbour's own file`).toBe(true);
    }
  });

  test('names its stylesheets and CMS previews, all present', () => {
    expect(harbour.styles.length).toBeGreaterThan(0);
    for (const path of [...harbour.styles, harbour.cmsPreview]) expect(exists(path), path).toBe(true);
  });

  test('ships every font the settings can choose, each file installed', () => {
    const shipped = FONT_CHOICES.filter((font) => !font.startsWith('system-'));
    expect(Object.keys(harbour.fonts).sort()).toEqual([...shipped].sort());
    for (const font of Object.values(harbour.fonts)) {
      for (const file of [...font.css, ...(font.preload ?? [])]) expect(() => require.resolve(file), file).not.toThrow();
    }
  });
});
