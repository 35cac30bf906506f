import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import {
  parseYamlData,
  problemsFromZodError,
  siteSettingsSchema,
  type Problem,
  type SiteSettings,
} from '@openoutreach/core';

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
  const imageFile = (src: string) => resolve(dirname(path), src);
  const missing = [
    settings.logo && { field: 'logo.src', src: settings.logo.src, what: 'logo' },
    // The schema types an image path loosely (Astro's image() replaces it in content).
    settings.shareImage && { field: 'shareImage.src', src: settings.shareImage.src as string, what: 'share image' },
  ].find((image) => image && !existsSync(imageFile(image.src)));
  if (missing) {
    return {
      problems: [
        {
          file,
          field: missing.field,
          message: `the ${missing.what} file "${missing.src}" does not exist (looked for ${relative(root, imageFile(missing.src))})`,
          fix: `give the path of the ${missing.what} relative to the settings file, e.g. "../assets/${missing.what === 'logo' ? 'logo.svg' : 'share.jpg'}", or upload it again in the CMS.`,
        },
      ],
    };
  }
  return {
    settings,
    ...(settings.logo ? { logoPath: imageFile(settings.logo.src) } : {}),
    ...(settings.shareImage ? { shareImagePath: imageFile(settings.shareImage.src as string) } : {}),
    problems: [],
  };
}
