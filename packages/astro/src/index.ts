import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileURLToPath as toPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import { cmsConfigYaml } from '@openoutreach/cms';
import sitemap from '@astrojs/sitemap';
import { createTranslator, formatProblems, HOME_PAGE_ID, problemsFromZodError, videoEmbed, type ContentTypeName, type Locale, type Problem, type UiStringKey } from '@openoutreach/core';
import { rehypePlugins, remarkPlugins, VIDEO_PLAYER_SCRIPT } from '@openoutreach/markdown';
import type { AstroIntegration, RehypePlugins, RemarkPlugins } from 'astro';
import { brokenLinkProblems } from './built-links.ts';
import { adminAssetMiddleware, copyAdminAssets, currentBranch, siteDirInRepository } from './admin.ts';
import { checkContent, hasContentFiles } from './content-check.ts';
import { cssVariables } from './css-variables.ts';
import { reservedEventNameProblems } from './events-check.ts';
import { homeBlockProblems } from './home-blocks-check.ts';
import { referenceProblems } from './references-check.ts';
import { copyResourceFiles, resourceFileMiddleware, resourceFileProblems } from './resource-files.ts';
import { stopWithProblems } from './failure.ts';
import { recordedProblems } from './render-problems.ts';
import { siteMarkdown } from './site-markdown.ts';
import { integrationOptionsSchema, type IntegrationOptions } from './options.ts';
import { routesFor } from './routes.ts';
import { adminAdditions, adminPolicy, astroCsp } from './security-headers.ts';
import { hoistPolicies, writeSecurityHeaders } from './security-files.ts';
import { markdownVideoHostProblems, videoHostProblems } from './video-hosts-check.ts';
import { buildSearchIndex } from './search-index.ts';
import { loadSettings } from './settings.ts';
import { resolveTheme } from './theme.ts';
import { virtualModuleSources, vitePluginOpenOutreach } from './virtual-modules.ts';

export type { IntegrationOptions } from './options.ts';
export { integrationOptionsSchema } from './options.ts';
export { routesFor } from './routes.ts';
export { COMPONENT_NAMES } from './contract.ts';

const CONFIG_FILE = 'astro.config.mjs';

/**
 * The Open Outreach integration. Add it to a site's `astro.config.mjs`:
 *
 * ```js
 * import openOutreach from '@openoutreach/astro';
 * export default defineConfig({ site: 'https://example.org', integrations: [openOutreach()] });
 * ```
 */
export default function openOutreach(userOptions?: IntegrationOptions): AstroIntegration {
  let cmsEnabled = true;
  let searchEnabled = true;
  let resourcesEnabled = false;
  let base = '';
  let root = '';
  let settingsFile = '';
  let announcementLink: string | undefined;
  let siteLocales: string[] = [];
  let cmsAdminPolicy: string | undefined;
  return {
    name: '@openoutreach/astro',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, injectRoute, addWatchFile, logger }) => {
        root = fileURLToPath(config.root);
        const parsedOptions = integrationOptionsSchema.safeParse(userOptions);
        if (!parsedOptions.success) {
          const problems = problemsFromZodError(parsedOptions.error, integrationOptionsSchema, CONFIG_FILE, userOptions, 'openOutreach() options');
          stopWithProblems(problems.map((problem) => ({ ...problem, field: `openOutreach.${problem.field}` })), logger);
        }
        const options = parsedOptions.data;
        const problems: Problem[] = [];
        if (!config.site) {
          problems.push({
            file: CONFIG_FILE,
            field: 'site',
            message: 'the address of the published site is not set; feeds, the sitemap and share links need it',
            fix: "add `site: 'https://your-group.org'` to defineConfig({ … }) (for GitHub Pages: 'https://NAME.github.io').",
          });
        }
        const { settings, logoPath, shareImagePath, problems: settingsProblems } = loadSettings(root, options.settings);
        problems.push(...settingsProblems);
        const { theme, problems: themeProblems } = resolveTheme(options.theme, options.components, root, CONFIG_FILE);
        problems.push(...themeProblems);
        const collections: ContentTypeName[] = [
          'pages',
          ...(options.features.news ? (['news'] as const) : []),
          ...(options.features.events ? (['events'] as const) : []),
          ...(options.features.albums ? (['albums'] as const) : []),
          ...(options.features.people ? (['people'] as const) : []),
          ...(options.features.projects ? (['projects'] as const) : []),
          ...(options.features.resources ? (['resources'] as const) : []),
        ];
        const locales = settings ? [settings.defaultLocale, ...settings.locales.filter((locale) => locale !== settings.defaultLocale)] : [];
        // Without readable settings the site's languages are unknown, and so is where its content belongs.
        if (settings) problems.push(...checkContent(root, collections, locales));
        if (options.features.events) problems.push(...reservedEventNameProblems(root, locales));
        problems.push(...referenceProblems(root, collections));
        if (settings) problems.push(...homeBlockProblems(root, { ...options.features, giving: options.features.giving && !!settings.giving }));
        if (options.features.resources) problems.push(...resourceFileProblems(root));
        if (options.features.albums && settings) problems.push(...videoHostProblems(root, settings.videos, options.settings));
        for (const locale of !settings ? [] : locales.length > 1 ? locales : ['']) {
          const homeFile = resolve(root, 'src/content/pages', locale, `${HOME_PAGE_ID}.md`);
          if (!existsSync(homeFile)) {
            const which = locale ? `the home page in "${locale}" is missing` : 'the home page is missing';
            problems.push({ file: relative(root, homeFile), field: '', message: which, fix: 'create it with at least "title: Welcome" in its front matter.' });
          }
        }
        if (problems.length || !settings || !theme) stopWithProblems(problems, logger);
        const videoWarnings = markdownVideoHostProblems(root, collections, settings.videos, options.settings);
        if (videoWarnings.length) logger.warn(`\n${formatProblems(videoWarnings)}\n`);

        const missingFonts = [settings.fonts.heading, settings.fonts.body].filter((font) => !font.startsWith('system-') && !theme.fonts[font]);
        if (missingFonts.length) {
          stopWithProblems([{ file: options.settings, field: 'fonts', message: `the theme "${theme.name}" does not ship the font ${missingFonts.join(', ')}`, fix: `choose one of: ${Object.keys(theme.fonts).join(', ')}, system-sans, system-serif.` }], logger);
        }
        const chosenFonts = [...new Set([settings.fonts.body, settings.fonts.heading])].map((font) => theme.fonts[font]);
        const fontFiles = chosenFonts.flatMap((font) => (font?.css ?? []).map(theme.resolveFromTheme));
        const fontPreloads = chosenFonts.flatMap((font) => (font?.preload ?? []).map(theme.resolveFromTheme));
        base = config.base.replace(/\/+$/, '');
        cmsEnabled = options.cms.enabled;
        searchEnabled = options.features.search;
        resourcesEnabled = options.features.resources;
        settingsFile = options.settings;
        announcementLink = settings.announcement?.link;
        siteLocales = locales;
        const cmsInput = {
          backend: options.cms.backend,
          siteDir: siteDirInRepository(root),
          settingsFile: options.settings,
          collections,
          locale: settings.defaultLocale,
          locales,
          siteUrl: config.site ? new URL(`${base}/`, config.site).href : undefined,
        };
        // The donate and contact pages are made from their settings; without them they would be empty.
        const features = { ...options.features, giving: options.features.giving && !!settings.giving, contact: options.features.contact && !!settings.forms?.contact };
        const siteCssVariables = cssVariables(settings, theme.fonts);
        cmsAdminPolicy = options.cms.enabled ? adminPolicy(options.cms.backend) : undefined;
        const sources = virtualModuleSources({
          config: {
            settings,
            base,
            site: config.site,
            features,
            filledCollections: collections.filter((collection) => hasContentFiles(root, collection)),
            cssVariables: siteCssVariables,
            dev: command === 'dev',
          },
          theme,
          logoPath,
          shareImage: shareImagePath && settings.shareImage ? { path: shareImagePath, alt: settings.shareImage.alt } : undefined,
          fontFiles,
          fontPreloads,
          dev: command === 'dev',
          cmsConfig: {
            // decap-server runs in the site's folder on the checked-out branch (see `npm run edit`).
            local: cmsConfigYaml({ ...cmsInput, siteDir: '', backend: { ...cmsInput.backend, branch: currentBranch(root) ?? cmsInput.backend.branch }, local: true }),
            published: cmsConfigYaml({ ...cmsInput, local: false }),
          },
        });

        // Only a build has a policy: the dev server's CMS talks to decap-server on another port, and
        // Vite injects inline scripts and styles (Astro's own policy is off in dev too).
        const cmsPagePolicy = command === 'build' ? (cmsAdminPolicy ?? '') : '';
        sources.set('security', `export default ${JSON.stringify({ adminPolicy: cmsPagePolicy, admin: adminAdditions(options.cms.backend) })};`);

        for (const route of routesFor(features, options.cms, settings.locales.length > 1)) {
          injectRoute({ pattern: route.pattern, entrypoint: new URL(`./routes/${route.file}`, import.meta.url), prerender: true });
        }
        addWatchFile(resolve(root, options.settings));

        // Markdown is rendered once per file: its added labels speak the language of its folder.
        const translators = new Map(locales.map((locale) => [locale, createTranslator(locale)]));
        const t = createTranslator(settings.defaultLocale);
        const contentRoot = resolve(root, 'src/content');
        const label = (key: UiStringKey, values?: Record<string, string>) => (file: { path?: string }) => {
          const [, language] = relative(contentRoot, file.path ?? '').split(/[\\/]/);
          return (locales.length > 1 && translators.get(language as Locale)) ? translators.get(language as Locale)!(key, values) : t(key, values);
        };
        const ownMarkdown = siteMarkdown(config.markdown);
        const hasSitemap = config.integrations.some((integration) => integration.name === '@astrojs/sitemap');
        // Effort 2 encodes WebP twice as fast as sharp's default for about 2% more bytes, and AVIF
        // ten times as fast at the same size (scripts/bench). A site's own settings win.
        const imageService = config.image.service.entrypoint === 'astro/assets/services/sharp' && !Object.keys(config.image.service.config ?? {}).length
          ? { image: { service: { entrypoint: 'astro/assets/services/sharp', config: { webp: { effort: 2 }, avif: { effort: 2 } } } } }
          : {};
        updateConfig({
          ...imageService,
          // The dev toolbar would sit over the CMS and confuse editors previewing their site.
          devToolbar: { enabled: false },
          // Every page's Content-Security-Policy (security-headers.ts), in a <meta> Astro writes.
          security: {
            csp: astroCsp({ settings, features: { events: options.features.events, search: options.features.search }, inlineScripts: [VIDEO_PLAYER_SCRIPT], inlineStyles: [siteCssVariables], base }),
          },
          trailingSlash: 'ignore',
          build: { format: 'directory' },
          vite: { plugins: [vitePluginOpenOutreach(sources)] },
          markdown: {
            syntaxHighlight: false,
            processor: unified({
              remarkPlugins: [...(remarkPlugins() as RemarkPlugins), ...ownMarkdown.remarkPlugins],
              remarkRehype: ownMarkdown.remarkRehype,
              // unified's plugin list is wider than Astro's type of it; every entry is a rehype plugin.
              rehypePlugins: [...(rehypePlugins({
                site: config.site,
                base,
                externalLinks: { label: label('links.external') },
                headingAnchors: { label: label('links.section') },
                videoEmbeds: { resolve: (href) => videoEmbed(href, settings.videos), playLabel: label('video.play', { title: '{title}' }), untitled: label('video.untitled', { provider: '{provider}' }) },
              }) as RehypePlugins), ...ownMarkdown.rehypePlugins],
            }),
          },
          integrations: hasSitemap
            ? []
            : [
                sitemap({
                  filter: (page) => !/\/(404|admin)\/?$/.test(page),
                  // Each page listed with its translations (the same path under each language's prefix).
                  ...(locales.length > 1 ? { i18n: { defaultLocale: settings.defaultLocale, locales: Object.fromEntries(locales.map((locale) => [locale, locale])) } } : {}),
                }),
              ],
        });
      },
      'astro:server:setup': ({ server }) => {
        if (cmsEnabled) server.middlewares.use(adminAssetMiddleware(base));
        if (resourcesEnabled) server.middlewares.use(resourceFileMiddleware(root, base));
      },
      // The content layer has loaded and rendered every entry by now, keeping what failed.
      'astro:build:start': ({ logger }) => {
        const problems = recordedProblems();
        if (problems.length) stopWithProblems(problems, logger);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = toPath(dir);
        if (cmsEnabled) copyAdminAssets(outDir);
        // Before the link check, which follows the resources' download links.
        if (resourcesEnabled) copyResourceFiles(root, outDir);
        const broken = brokenLinkProblems(outDir, base, root, settingsFile, { announcementLink, locales: siteLocales });
        if (broken.length) stopWithProblems(broken, logger);
        if (searchEnabled) await buildSearchIndex(outDir, logger);
        hoistPolicies(outDir);
        writeSecurityHeaders(outDir, base, cmsAdminPolicy);
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
