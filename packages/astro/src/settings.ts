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
  if (settings.logo) {
    const logoPath = resolve(dirname(path), settings.logo.src);
    if (!existsSync(logoPath)) {
      return {
        problems: [
          {
            file,
            field: 'logo.src',
            message: `the logo file "${settings.logo.src}" does not exist (looked for ${relative(root, logoPath)})`,
            fix: 'give the path of the logo relative to the settings file, e.g. "../assets/logo.svg", or upload it again in the CMS.',
          },
        ],
      };
    }
    return { settings, logoPath, problems: [] };
  }
  return { settings, problems: [] };
}
