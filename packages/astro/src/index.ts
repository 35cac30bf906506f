import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cmsConfigYaml } from '@openoutreach/cms';
import sitemap from '@astrojs/sitemap';
import { formatProblems, problemsFromZodError, type ContentTypeName, type Problem, type SiteSettings } from '@openoutreach/core';
import { VIDEO_PLAYER_SCRIPT } from '@openoutreach/markdown';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger, HookParameters } from 'astro';
import { brokenLinkProblems } from './built-links.ts';
import { adminAssetMiddleware, adminModules, copyAdminAssets, currentBranch, siteDirInRepository } from './admin.ts';
import { contentProblems, contentWarnings, hasContentFiles, loadSettings, readContent, type SiteContent } from './checks/index.ts';
import { cssVariables } from './css-variables.ts';
import { copyResourceFiles, resourceFileMiddleware } from './resource-files.ts';
import { stopWithProblems } from './failure.ts';
import { markdownConfig } from './markdown-config.ts';
import { recordedProblems } from './render-problems.ts';
import { integrationOptionsSchema, type IntegrationOptions, type ResolvedOptions } from './options.ts';
import { routesFor } from './routes.ts';
import { cmsPreviewPaths, collectionsFor, ownCmsCollections } from './features/index.ts';
import { adminAdditions, adminPolicy, astroCsp } from './security-headers.ts';
import { hoistPolicies, writeSecurityHeaders } from './security-files.ts';
import { buildSearchIndex } from './search-index.ts';
import { siteConfigProblems } from './site-config.ts';
import { resolveTheme, type ResolvedTheme } from './theme.ts';
import { virtualModuleSources, vitePluginOpenOutreach } from './virtual-modules.ts';

export type { IntegrationOptions } from './options.ts';
export { integrationOptionsSchema } from './options.ts';
export { routesFor } from './routes.ts';
export { COMPONENT_NAMES } from './contract.ts';

const CONFIG_FILE = 'astro.config.mjs';

/** What setup learns of a site, for the steps after it and the later hooks. */
interface Site {
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
  /** The Content-Security-Policy of /admin/, when the CMS is on. */
  cmsAdminPolicy: string | undefined;
}

type SetupParameters = HookParameters<'astro:config:setup'>;

/**
 * The Open Outreach integration. Add it to a site's `astro.config.mjs`:
 *
 * ```js
 * import openOutreach from '@openoutreach/astro';
 * export default defineConfig({ site: 'https://example.org', integrations: [openOutreach()] });
 * ```
 */
export default function openOutreach(userOptions?: IntegrationOptions): AstroIntegration {
  let site: Site;
  return {
    name: '@openoutreach/astro',
    hooks: {
      'astro:config:setup': (parameters) => {
        const options = readOptions(userOptions, parameters.logger);
        site = readSite(parameters.config, options, parameters.logger);
        addPages(site, parameters);
        parameters.updateConfig(kitConfig(site, parameters.config, virtualModules(site, parameters)));
      },
      'astro:server:setup': ({ server }) => {
        if (site.options.cms.enabled) server.middlewares.use(adminAssetMiddleware(site.base));
        if (site.options.features.resources) server.middlewares.use(resourceFileMiddleware(site.root, site.base));
      },
      // The content layer has loaded and rendered every entry by now, keeping what failed.
      'astro:build:start': ({ logger }) => {
        const problems = recordedProblems();
        if (problems.length) stopWithProblems(problems, logger);
      },
      'astro:build:done': async ({ dir, logger }) => {
        for (const step of AFTER_BUILD) await step(site, fileURLToPath(dir), logger);
      },
      'astro:config:done': ({ injectTypes }) => {
        injectTypes({
          filename: 'openoutreach.d.ts',
          content: `/// <reference types="@openoutreach/astro/virtual" />`,
        });
      },
    },
  };
}

/** The integration's options, or a stop naming each wrong one. */
function readOptions(userOptions: IntegrationOptions | undefined, logger: AstroIntegrationLogger): ResolvedOptions {
  const parsed = integrationOptionsSchema.safeParse(userOptions);
  if (parsed.success) return parsed.data;
  const problems = problemsFromZodError(parsed.error, integrationOptionsSchema, CONFIG_FILE, userOptions, 'openOutreach() options');
  stopWithProblems(problems.map((problem) => ({ ...problem, field: `openOutreach.${problem.field}` })), logger);
}

/**
 * Reads the site's settings, theme and content once and checks them all: every problem is
 * reported together, and the build stops before Astro loads anything.
 */
function readSite(config: AstroConfig, options: ResolvedOptions, logger: AstroIntegrationLogger): Site {
  const root = fileURLToPath(config.root);
  const { settings, logoPath, shareImagePath, problems: settingsProblems } = loadSettings(root, options.settings);
  const { theme, problems: themeProblems } = resolveTheme(options.theme, options.components, root, CONFIG_FILE);
  const collections: ContentTypeName[] = collectionsFor(options.features);
  const locales = settings ? [settings.defaultLocale, ...settings.locales.filter((locale) => locale !== settings.defaultLocale)] : [];
  const content = readContent(root, collections, locales);
  const context = { features: options.features, settings, settingsFile: options.settings };
  const problems: Problem[] = [...siteConfigProblems(config), ...settingsProblems, ...themeProblems, ...contentProblems(content, context)];
  if (problems.length || !settings || !theme) stopWithProblems(problems, logger);
  const warnings = contentWarnings(content, context);
  if (warnings.length) logger.warn(`\n${formatProblems(warnings)}\n`);
  const missingFonts = [settings.fonts.heading, settings.fonts.body].filter((font) => !font.startsWith('system-') && !theme.fonts[font]);
  if (missingFonts.length) {
    stopWithProblems([{ file: options.settings, field: 'fonts', message: `the theme "${theme.name}" does not ship the font ${missingFonts.join(', ')}`, fix: `choose one of: ${Object.keys(theme.fonts).join(', ')}, system-sans, system-serif.` }], logger);
  }
  return {
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
    cmsAdminPolicy: options.cms.enabled ? adminPolicy(options.cms.backend) : undefined,
  };
}

/** The kit's pages, its middleware, and the settings file watched in dev. */
function addPages(site: Site, { injectRoute, addMiddleware, addWatchFile }: SetupParameters): void {
  for (const route of routesFor(site.features, site.options.cms, site.settings.locales.length > 1, site.options.ownFeatures)) {
    injectRoute({ pattern: route.pattern, entrypoint: route.entrypoint, prerender: true });
  }
  // Gives every page, the site's own too, its page context: `Astro.locals.openOutreach`.
  addMiddleware({ entrypoint: new URL('./middleware.ts', import.meta.url), order: 'pre' });
  addWatchFile(resolve(site.root, site.options.settings));
}

/** The sources of the `virtual:openoutreach/*` modules the routes and the theme import. */
function virtualModules(site: Site, { config, command, logger }: SetupParameters): Map<string, string> {
  const { root, base, options, settings, theme, locales } = site;
  const chosenFonts = [...new Set([settings.fonts.body, settings.fonts.heading])].map((font) => theme.fonts[font]);
  const cmsInput = {
    backend: options.cms.backend,
    siteDir: siteDirInRepository(root),
    settingsFile: options.settings,
    collections: site.content.collections,
    previewPaths: cmsPreviewPaths(site.features, options.ownFeatures),
    ownCollections: ownCmsCollections(options.ownFeatures),
    locale: settings.defaultLocale,
    locales,
    siteUrl: config.site ? new URL(`${base}/`, config.site).href : undefined,
  };
  const sources = virtualModuleSources({
    config: {
      settings,
      base,
      site: config.site,
      features: site.features,
      filledCollections: site.content.collections.filter((collection) => hasContentFiles(site.content, collection)),
      cssVariables: site.cssVariables,
      dev: command === 'dev',
    },
    theme,
    logoPath: site.logoPath,
    shareImage: site.shareImagePath && settings.shareImage ? { path: site.shareImagePath, alt: settings.shareImage.alt } : undefined,
    fontFiles: chosenFonts.flatMap((font) => (font?.css ?? []).map(theme.resolveFromTheme)),
    fontPreloads: chosenFonts.flatMap((font) => (font?.preload ?? []).map(theme.resolveFromTheme)),
    dev: command === 'dev',
    cmsConfig: {
      // decap-server runs in the site's folder on the checked-out branch (see `npm run edit`).
      local: cmsConfigYaml({ ...cmsInput, siteDir: '', backend: { ...cmsInput.backend, branch: currentBranch(root) ?? cmsInput.backend.branch }, local: true }),
      published: cmsConfigYaml({ ...cmsInput, local: false }),
    },
  });
  // Only a build has a policy: the dev server's CMS talks to decap-server on another port, and
  // Vite injects inline scripts and styles (Astro's own policy is off in dev too).
  const cmsPagePolicy = command === 'build' ? (site.cmsAdminPolicy ?? '') : '';
  sources.set('security', `export default ${JSON.stringify({ adminPolicy: cmsPagePolicy, admin: adminAdditions(options.cms.backend) })};`);
  const admin = adminModules(theme);
  if (admin.problems.length) stopWithProblems(admin.problems, logger);
  for (const [id, source] of admin.sources) sources.set(id, source);
  return sources;
}

/**
 * What the kit adds to the site's Astro config. It changes none of the site's own choices:
 * those it cannot work with stop the build (site-config.ts); a site's own image settings,
 * Markdown plugins and sitemap are kept.
 */
function kitConfig(site: Site, config: AstroConfig, sources: Map<string, string>): Parameters<SetupParameters['updateConfig']>[0] {
  const { settings, options, locales, base } = site;
  const hasSitemap = config.integrations.some((integration) => integration.name === '@astrojs/sitemap');
  // Effort 2 encodes WebP twice as fast as sharp's default for about 2% more bytes, and AVIF
  // ten times as fast at the same size (scripts/bench). A site's own settings win.
  const imageService = config.image.service.entrypoint === 'astro/assets/services/sharp' && !Object.keys(config.image.service.config ?? {}).length
    ? { image: { service: { entrypoint: 'astro/assets/services/sharp', config: { webp: { effort: 2 }, avif: { effort: 2 } } } } }
    : {};
  return {
    ...imageService,
    // The dev toolbar would sit over the CMS and confuse editors previewing their site.
    devToolbar: { enabled: false },
    // Every page's Content-Security-Policy (security-headers.ts), in a <meta> Astro writes.
    security: {
      csp: astroCsp({ settings, features: { events: options.features.events, search: options.features.search }, inlineScripts: [VIDEO_PLAYER_SCRIPT], inlineStyles: [site.cssVariables], base }),
    },
    vite: { plugins: [vitePluginOpenOutreach(sources)] },
    markdown: markdownConfig(config, site),
    integrations: hasSitemap
      ? []
      : [
          sitemap({
            filter: (page) => !/\/(404|admin)\/?$/.test(page),
            // Each page listed with its translations (the same path under each language's prefix).
            ...(locales.length > 1 ? { i18n: { defaultLocale: settings.defaultLocale, locales: Object.fromEntries(locales.map((locale) => [locale, locale])) } } : {}),
          }),
        ],
  };
}

/** What the kit does to a built site, in order, once Astro has written its pages. */
const AFTER_BUILD: ((site: Site, outDir: string, logger: AstroIntegrationLogger) => void | Promise<void>)[] = [
  (site, outDir) => {
    if (site.options.cms.enabled) copyAdminAssets(outDir);
  },
  // Before the link check, which follows the resources' download links.
  (site, outDir) => {
    if (site.options.features.resources) copyResourceFiles(site.content, outDir);
  },
  (site, outDir, logger) => {
    const broken = brokenLinkProblems(outDir, site.base, site.root, site.options.settings, { announcementLink: site.settings.announcement?.link, locales: site.locales });
    if (broken.length) stopWithProblems(broken, logger);
  },
  async (site, outDir, logger) => {
    if (site.options.features.search) await buildSearchIndex(outDir, logger);
  },
  (site, outDir) => {
    hoistPolicies(outDir);
    writeSecurityHeaders(outDir, site.base, site.cmsAdminPolicy);
  },
];
