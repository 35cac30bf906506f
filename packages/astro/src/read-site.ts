import { fileURLToPath } from 'node:url';
import { problemsFromZodError, type ContentTypeName, type Problem, type SiteSettings } from '@openoutreach/core';
import { contentProblems, contentWarnings, loadSettings, readContent, type SiteContent } from './checks/index.ts';
import { contentConfigProblems } from './checks/content-config-check.ts';
import { openCache } from './build-cache/cache-file.ts';
import { timed } from './build-cache/timings.ts';
import type { ReadFile } from './checks/read-content.ts';
import { cssVariables } from './css-variables.ts';
import { collectionsFor } from './features/index.ts';
import { integrationOptionsSchema, type IntegrationOptions, type ResolvedOptions } from './options.ts';
import { adminPolicy } from './security-headers.ts';
import { siteConfigProblems, type SiteAstroConfig } from './site-config.ts';
import { resolveTheme, type ResolvedTheme } from './theme.ts';

const CONFIG_FILE = 'astro.config.mjs';

/** What setup learns of a site, for the steps after it and the later hooks. */
export interface Site {
  root: string;
  /** The base path without its trailing slash, e.g. `/docs` or ``. */
  base: string;
  options: ResolvedOptions;
  settings: SiteSettings;
  logoPath: string | undefined;
  shareImagePath: string | undefined;
  theme: ResolvedTheme;
  /** The site's languages, its default first. */
  locales: SiteSettings['locales'];
  content: SiteContent;
  /** The features published: giving and contact need their settings as well as their switch. */
  features: ResolvedOptions['features'];
  cssVariables: string;
  /** Astro's cache folder (`cacheDir`), where the kit keeps what the next build can reuse (build-cache/). */
  cacheDir: string;
  /** The Content-Security-Policy of /admin/, when the CMS is on. */
  cmsAdminPolicy: string | undefined;
}

/** The integration's options, or the problems naming each wrong one. */
export function readOptions(
  userOptions: IntegrationOptions | undefined,
): { options: ResolvedOptions; problems?: undefined } | { options?: undefined; problems: Problem[] } {
  const parsed = integrationOptionsSchema.safeParse(userOptions);
  if (parsed.success) return { options: parsed.data };
  const problems = problemsFromZodError(parsed.error, integrationOptionsSchema, CONFIG_FILE, userOptions, 'openOutreach() options');
  return { problems: problems.map((problem) => ({ ...problem, field: `openOutreach.${problem.field}` })) };
}

/**
 * Reads the site's settings, theme and content once and checks them all, so that every problem
 * is reported together before Astro loads anything. Without problems, the site; `warnings` do not
 * stop the build.
 */
export function readSite(
  config: SiteAstroConfig & { root: URL; base: string; cacheDir?: URL },
  options: ResolvedOptions,
): { site: Site; problems: []; warnings: Problem[] } | { site?: undefined; problems: Problem[]; warnings: Problem[] } {
  const root = fileURLToPath(config.root);
  const { settings, logoPath, shareImagePath, problems: settingsProblems } = loadSettings(root, options.settings);
  const { theme, problems: themeProblems } = resolveTheme(options.theme, options.components, root, CONFIG_FILE);
  const collections = collectionsFor(options.features) as ContentTypeName[];
  const locales = settings ? [settings.defaultLocale, ...settings.locales.filter((locale) => locale !== settings.defaultLocale)] : [];
  const cacheDir = fileURLToPath(config.cacheDir ?? new URL('node_modules/.astro/', config.root));
  const content = timed('content', () => {
    const cache = openCache<ReadFile>(cacheDir, 'content-files');
    const read = readContent(root, collections, locales, cache);
    cache.save();
    return read;
  });
  const context = { features: options.features, settings, settingsFile: options.settings };
  const problems: Problem[] = timed('checks', () => [
    ...siteConfigProblems(config),
    ...contentConfigProblems(root),
    ...settingsProblems,
    ...themeProblems,
    ...contentProblems(content, context),
  ]);
  if (problems.length || !settings || !theme) return { problems, warnings: [] };
  const warnings = contentWarnings(content, context);
  const missingFonts = [settings.fonts.heading, settings.fonts.body].filter((font) => !font.startsWith('system-') && !theme.fonts[font]);
  if (missingFonts.length) {
    return {
      problems: [
        {
          file: options.settings,
          field: 'fonts',
          message: `the theme "${theme.name}" does not ship the font ${missingFonts.join(', ')}`,
          fix: `choose one of: ${Object.keys(theme.fonts).join(', ')}, system-sans, system-serif.`,
        },
      ],
      warnings,
    };
  }
  const site: Site = {
    root,
    base: config.base.replace(/\/+$/, ''),
    options,
    settings,
    logoPath,
    shareImagePath,
    theme,
    locales,
    content,
    // The donate and contact pages are made from their settings; without them they would be empty.
    features: { ...options.features, giving: options.features.giving && !!settings.giving, contact: options.features.contact && !!settings.forms?.contact },
    cssVariables: cssVariables(settings, theme.fonts),
    cacheDir,
    cmsAdminPolicy: options.cms.enabled ? adminPolicy(options.cms.backend) : undefined,
  };
  return { site, problems: [], warnings };
}
