import type { Problem } from '@openoutreach/core';

const CONFIG_FILE = 'astro.config.mjs';

/** The parts of a site's own Astro config the kit's pages depend on. */
export interface SiteAstroConfig {
  site?: string;
  trailingSlash: 'always' | 'never' | 'ignore';
  build: { format: 'file' | 'directory' | 'preserve' };
}

/**
 * Problems with a site's own Astro config that the kit cannot work with. The kit keeps the site's
 * values and changes none of them: it stops instead, naming the option and why the kit needs it.
 * Every page of the kit is a folder with an index.html (`/news/fair/`), and every link it writes
 * ends with a slash: the link check, the sitemap, the nginx snippet and the CMS previews rely on it.
 */
export function siteConfigProblems(config: SiteAstroConfig): Problem[] {
  const problems: Problem[] = [];
  if (!config.site) {
    problems.push({
      file: CONFIG_FILE,
      field: 'site',
      message: 'the address of the published site is not set; feeds, the sitemap and share links need it',
      fix: "add `site: 'https://your-group.org'` to defineConfig({ … }) (for GitHub Pages: 'https://NAME.github.io').",
    });
  }
  if (config.build.format !== 'directory') {
    problems.push({
      file: CONFIG_FILE,
      field: 'build.format',
      message: `it is "${config.build.format}", but Open Outreach publishes every page as a folder with an index.html (e.g. /news/fair/), which its links, sitemap and server settings rely on`,
      fix: "remove `format` from `build: { … }`, or set it to 'directory'.",
    });
  }
  if (config.trailingSlash === 'never') {
    problems.push({
      file: CONFIG_FILE,
      field: 'trailingSlash',
      message: 'it is "never", but every link Open Outreach writes to a page ends with a slash (e.g. /news/fair/), which such a site would refuse',
      fix: "remove `trailingSlash`, or set it to 'ignore' or 'always'.",
    });
  }
  return problems;
}
