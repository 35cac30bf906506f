import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseYamlData, problemsFromZodError, siteSettingsSchema, type Problem, type SiteSettings } from '@openoutreach/core';
import { siteFile } from './site-files.ts';
import { svgInImageFieldProblem } from './svg-check.ts';

export interface LoadedSettings {
  settings?: SiteSettings;
  /** Absolute path of the logo file, when the settings name one. */
  logoPath?: string;
  /** Absolute path of the default share image, when the settings name one. */
  shareImagePath?: string;
  problems: Problem[];
}

/** Reads and validates the site settings file; every problem names the file and the field. */
export function loadSettings(root: string, settingsFile: string): LoadedSettings {
  const path = resolve(root, settingsFile);
  const file = relative(root, path);
  if (!existsSync(path)) {
    return {
      problems: [
        {
          file,
          field: '',
          message: 'the site settings file is missing',
          fix: `create ${file} with at least a line "name: Your group's name" (the starter has a full example).`,
        },
      ],
    };
  }
  const parsed = parseYamlData(readFileSync(path, 'utf8'), file);
  if (!parsed.ok) return { problems: [parsed.problem] };
  const result = siteSettingsSchema.safeParse(parsed.data);
  if (!result.success) {
    return { problems: problemsFromZodError(result.error, siteSettingsSchema, file, parsed.data, 'settings file') };
  }
  const settings = result.data;
  const images = [
    settings.logo && { field: 'logo.src', src: settings.logo.src, what: 'logo', example: '../assets/logo.png' },
    // The schema types an image path loosely (Astro's image() replaces it in content).
    settings.shareImage && { field: 'shareImage.src', src: settings.shareImage.src as string, what: 'share image', example: '../assets/share.jpg' },
  ].filter((image) => !!image);
  const paths: Record<string, string> = {};
  const problems: Problem[] = [];
  for (const { field, src, what, example } of images) {
    const found = siteFile(root, file, field, src, example);
    // The share image is made into a JPEG for social networks; an SVG logo is published as it is (see svg-check.ts).
    const svg = field === 'shareImage.src' ? svgInImageFieldProblem(file, field, src) : undefined;
    if (svg) problems.push(...svg);
    else if ('problem' in found) problems.push(found.problem);
    else if (!existsSync(found.path)) {
      problems.push({
        file,
        field,
        message: `the ${what} file "${src}" does not exist (looked for ${found.source})`,
        fix: `give the path of the ${what} relative to the settings file, e.g. "${example}", or upload it again in the CMS.`,
      });
    } else paths[field] = found.path;
  }
  if (problems.length) return { problems };
  return {
    settings,
    ...(paths['logo.src'] ? { logoPath: paths['logo.src'] } : {}),
    ...(paths['shareImage.src'] ? { shareImagePath: paths['shareImage.src'] } : {}),
    problems: [],
  };
}
