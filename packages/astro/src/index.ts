import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backendDeprecation, cmsConfigYaml, signInProblem } from '@openoutreach/cms';
import sitemap from '@astrojs/sitemap';
import { buildDateProblems, formatProblems, type Problem } from '@openoutreach/core';
import { VIDEO_PLAYER_SCRIPT } from '@openoutreach/markdown';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger, HookParameters } from 'astro';
import { brokenLinkProblems } from './built-links.ts';
import { adminAssetMiddleware, adminModules, copyAdminAssets, currentBranch, siteDirInRepository } from './admin.ts';
import { hasContentFiles } from './checks/index.ts';
import { copyResourceFiles, resourceFileMiddleware } from './resource-files.ts';
import { stopWithProblems } from './failure.ts';
import { markdownConfig } from './markdown-config.ts';
import { recordedProblems } from './render-problems.ts';
import type { IntegrationOptions } from './options.ts';
import { OWN_EXTENSION, routesFor } from './routes.ts';
import { cmsPreviewPaths, ownCmsCollections } from './features/index.ts';
import { adminAdditions, astroCsp } from './security-headers.ts';
import { withPoliciesFirst, writeSecurityHeaders } from './security-files.ts';
import { buildSearchIndex } from './search-index.ts';
import { recordPhase } from './build-cache/timings.ts';
import { withPageKeys } from './build-cache/page-keys.ts';
import { readBuiltSite, type BuiltSite } from './build-cache/built-pages.ts';
import { REDIRECTS_FILE, writeRedirects } from './redirects.ts';
import { readOptions, readSite, type Site } from './read-site.ts';
import { virtualModuleSources, vitePluginOpenOutreach } from './virtual-modules.ts';

export type { IntegrationOptions } from './options.ts';
export { integrationOptionsSchema } from './options.ts';
export { routesFor } from './routes.ts';
export { COMPONENT_NAMES } from './contract.ts';

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
        // The build clock (OPENOUTREACH_BUILD_DATE) decides which scheduled entries are published.
        const clockProblems = buildDateProblems(process.env);
        if (clockProblems.length) stopWithProblems(clockProblems, parameters.logger);
        const { options, problems: optionProblems } = readOptions(userOptions);
        if (!options) stopWithProblems(optionProblems, parameters.logger);
        if (options.cms.enabled && parameters.command === 'build') {
          for (const warning of [signInProblem(options.cms.backend), backendDeprecation(options.cms.backend)]) if (warning) parameters.logger.warn(warning);
        }
        const read = readSite(parameters.config, options);
        if (read.warnings.length) parameters.logger.warn(`\n${formatProblems(read.warnings)}\n`);
        if (!read.site) stopWithProblems(read.problems, parameters.logger);
        site = read.site;
        addPages(site, parameters);
        parameters.updateConfig(kitConfig(site, parameters.config, virtualModules(site, parameters)));
      },
      'astro:server:setup': ({ server }) => {
        if (site.options.cms.enabled) server.middlewares.use(adminAssetMiddleware(site.base));
        if (site.options.features.resources) server.middlewares.use(resourceFileMiddleware(site.root, site.base));
      },
      // The content layer has loaded and rendered every entry by now, keeping what failed.
      'astro:build:start': ({ logger, setPrerenderer }) => {
        const problems = recordedProblems();
        if (problems.length) stopWithProblems(problems, logger);
        // Each page's key, so that a page whose key and code are unchanged is copied from the last
        // build; each page rendered with its policy first, as it is kept for the next build.
        setPrerenderer((prerenderer) => withPageKeys(withPoliciesFirst(prerenderer), site));
      },
      'astro:build:done': async ({ dir, logger }) => {
        // A step may leave work running beside the next ones (Pagefind, in a process of its own).
        const running: Promise<void>[] = [];
        const outDir = fileURLToPath(dir);
        // The built pages, read once when a step first needs them (after the CMS's and the
        // resources' files are in).
        let built: BuiltSite | undefined;
        const builtSite = () => (built ??= readBuiltSite(outDir));
        for (const [phase, step] of AFTER_BUILD) {
          const start = Date.now();
          const result = await step(site, outDir, logger, builtSite);
          if (result && 'done' in result) {
            running.push(result.done.finally(() => recordPhase(phase, start)));
            continue;
          }
          recordPhase(phase, start);
          if (result?.problems.length) {
            // Pagefind's process, left to itself while this one exits, dies of a broken pipe and
            // prints its stack trace under the problems.
            await Promise.allSettled(running);
            stopWithProblems(result.problems, logger);
          }
        }
        await Promise.all(running);
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

/** The kit's pages, its middleware, and the settings file watched in dev. */
function addPages(site: Site, { injectRoute, addMiddleware, addWatchFile }: SetupParameters): void {
  for (const route of routesFor(site.features, site.options.cms, site.settings.locales.length > 1, site.options.ownFeatures)) {
    injectRoute({ pattern: route.pattern, entrypoint: route.entrypoint, prerender: true });
  }
  // Gives every page, the site's own too, its page context: `Astro.locals.openOutreach`.
  addMiddleware({ entrypoint: new URL(`./middleware${OWN_EXTENSION}`, import.meta.url), order: 'pre' });
  addWatchFile(resolve(site.root, site.options.settings));
  addWatchFile(resolve(site.root, REDIRECTS_FILE));
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
  const imageService =
    config.image.service.entrypoint === 'astro/assets/services/sharp' && !Object.keys(config.image.service.config ?? {}).length
      ? { image: { service: { entrypoint: 'astro/assets/services/sharp', config: { webp: { effort: 2 }, avif: { effort: 2 } } } } }
      : {};
  // Astro renders one page at a time by default, and waits for each page's file to be written;
  // four at once keep the CPU busy meanwhile (pages 30% faster, scripts/bench). Pages do not
  // depend on each other, so the output is the same. A site's own value other than 1 wins.
  const concurrency = config.build.concurrency === 1 ? { build: { concurrency: 4 } } : {};
  return {
    ...imageService,
    ...concurrency,
    // The dev toolbar would sit over the CMS and confuse editors previewing their site.
    devToolbar: { enabled: false },
    // A page whose code and key (build-cache/page-keys.ts) are those of the last build is copied
    // from Astro's cache folder instead of rendered.
    experimental: { ...config.experimental, incrementalBuild: true },
    // Every page's Content-Security-Policy (security-headers.ts), in a <meta> Astro writes.
    security: {
      csp: astroCsp({
        settings,
        features: { events: options.features.events, search: options.features.search },
        inlineScripts: [VIDEO_PLAYER_SCRIPT],
        inlineStyles: [site.cssVariables],
        base,
      }),
    },
    vite: { plugins: [vitePluginOpenOutreach(sources)] },
    markdown: markdownConfig(config, site),
    integrations: hasSitemap
      ? []
      : [
          sitemap({
            filter: (page) => !/\/(404|admin)\/?$/.test(page),
            // Each page listed with its translations (the same path under each language's prefix).
            ...(locales.length > 1
              ? { i18n: { defaultLocale: settings.defaultLocale, locales: Object.fromEntries(locales.map((locale) => [locale, locale])) } }
              : {}),
          }),
        ],
  };
}

/** What the kit does to a built site, in order, once Astro has written its pages; each named as a phase (build-cache/timings.ts). */
/** What an after-build step leaves: work still running beside the next steps, or problems that stop the build. */
type AfterBuildResult = void | { done: Promise<void> } | { problems: Problem[] };

type AfterBuildStep = (site: Site, outDir: string, logger: AstroIntegrationLogger, built: () => BuiltSite) => AfterBuildResult | Promise<AfterBuildResult>;

const AFTER_BUILD: [phase: string, step: AfterBuildStep][] = [
  [
    'cms-files',
    (site, outDir) => {
      if (site.options.cms.enabled) copyAdminAssets(outDir);
    },
  ],
  // Before the link check, which follows the resources' download links.
  [
    'resource-files',
    (site, outDir) => {
      if (site.options.features.resources) copyResourceFiles(site.content, outDir);
    },
  ],
  // Pagefind reads every searchable page first, then makes the index in its own process while
  // the link check uses this one.
  [
    'search-index',
    async (site, outDir, logger, built) => {
      if (site.options.features.search) return buildSearchIndex(outDir, logger, site.cacheDir, built());
    },
  ],
  [
    'link-check',
    (site, outDir, _logger, built) => ({
      problems: brokenLinkProblems(outDir, site.base, site.root, site.options.settings, {
        announcementLink: site.settings.announcement?.link,
        locales: site.locales,
        cacheDir: site.cacheDir,
        built: built(),
      }),
    }),
  ],
  [
    'security-headers',
    (site, outDir) => {
      writeSecurityHeaders(outDir, site.base, site.cmsAdminPolicy);
    },
  ],
  // Last: it adds to the nginx snippet the step before writes, and its redirect pages stay out
  // of the link check and the search index.
  ['redirects', (site, outDir) => ({ problems: writeRedirects(site.root, outDir, site.base, site.settings.defaultLocale) })],
];
