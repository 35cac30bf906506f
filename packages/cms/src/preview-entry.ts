/**
 * Which previews the CMS shows: the site's theme names its preview entry in its package.json
 * (`"openoutreach": { "cmsPreview": "./src/cms/previews.ts" }`), a module whose default export
 * registers Decap preview templates with the theme's own markup (see admin/preview-api.ts). The
 * integration serves it as `virtual:openoutreach/cms-preview`; a theme without one gets plain
 * previews with a note saying so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '@openoutreach/core';

/** `.ts` when running from the source (tests, the repository), `.js` from the built package (dist/). */
const OWN_EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const FALLBACK = fileURLToPath(new URL(`./admin/fallback-previews${OWN_EXTENSION}`, import.meta.url));

export interface PreviewEntry {
  /** The source of `virtual:openoutreach/cms-preview`. */
  module: string;
  /** The theme's entry file, or undefined when the fallback is used. */
  entry: string | undefined;
  problems: Problem[];
}

/** The note the fallback previews show above each entry. */
export function fallbackNote(themeName: string): string {
  return `This preview is plain: the theme "${themeName}" provides no CMS previews ("openoutreach.cmsPreview" in its package.json), so the page will look different on the site.`;
}

function fallback(themeName: string, problems: Problem[]): PreviewEntry {
  const module = `import { fallbackPreviews } from ${JSON.stringify(FALLBACK)};\nexport default fallbackPreviews(${JSON.stringify(fallbackNote(themeName))});`;
  return { module, entry: undefined, problems };
}

/** The preview entry of the theme in `themeDir` (the folder of its package.json). */
export function previewEntry(themeName: string, themeDir: string): PreviewEntry {
  const packageJson = join(themeDir, 'package.json');
  const manifest = (JSON.parse(readFileSync(packageJson, 'utf8')) as { openoutreach?: { cmsPreview?: unknown } }).openoutreach;
  const declared = manifest?.cmsPreview;
  if (declared === undefined) return fallback(themeName, []);
  if (typeof declared !== 'string' || !declared) {
    return fallback(themeName, [
      {
        file: packageJson,
        field: 'openoutreach.cmsPreview',
        message: 'is not a path',
        fix: 'give the path of the preview module, relative to the package.json, e.g. "./src/cms/previews.ts".',
      },
    ]);
  }
  const entry = resolve(themeDir, declared);
  if (!existsSync(entry)) {
    return fallback(themeName, [
      {
        file: packageJson,
        field: 'openoutreach.cmsPreview',
        message: `the file ${declared} does not exist`,
        fix: 'check the path (relative to the package.json), or remove the field to use plain previews.',
      },
    ]);
  }
  return { module: `export { default } from ${JSON.stringify(entry)};`, entry, problems: [] };
}
