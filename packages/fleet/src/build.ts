import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { childEnvironment, lastWords, runCommand } from './command.ts';
import { SiteError } from './fleet-error.ts';
import type { FleetSite } from './fleet-file.ts';

export interface BuildOptions {
  /** Where the build writes the site; `<siteDir>/dist` when omitted. */
  outDir?: string;
  /** The build clock (`OPENOUTREACH_BUILD_DATE`): both builds of a site use the run's, so scheduled posts and events agree. */
  buildDate?: string;
  /** A file to write the build's whole output to. */
  logFile?: string;
}

export interface Build {
  /** The built site (absolute). */
  dist: string;
  seconds: number;
}

/** The site's own Astro, run on this Node (a bin's `#!/usr/bin/env node` could find an older one). */
function astroBin(siteDir: string): string {
  const manifest = join(siteDir, 'node_modules/astro/package.json');
  if (!existsSync(manifest))
    throw new SiteError(`${siteDir} has no Astro installed: add \`astro\` to the site's dependencies and commit its package-lock.json.`);
  const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: string | Record<string, string> }).bin;
  return join(siteDir, 'node_modules/astro', typeof bin === 'string' ? bin : (bin?.astro ?? 'bin/astro.mjs'));
}

/**
 * Builds the site with the install in its node_modules (`astro build`, for its sub-path with
 * `--base`), timed. Throws a SiteError with the build's last error line.
 */
export async function buildSite(siteDir: string, site: FleetSite, options: BuildOptions = {}): Promise<Build> {
  const dist = resolve(options.outDir ?? join(siteDir, 'dist'));
  const args = [astroBin(siteDir), 'build', '--outDir', dist, ...(site.base !== '/' ? ['--base', site.base] : [])];
  const env = childEnvironment(options.buildDate ? { OPENOUTREACH_BUILD_DATE: options.buildDate } : {});
  const result = await runCommand(process.execPath, args, { cwd: siteDir, env });
  if (options.logFile) writeFileSync(options.logFile, result.output);
  if (result.code !== 0) throw new SiteError(`the build failed: ${lastWords(result.output)}`, result.output);
  if (!existsSync(join(dist, 'index.html'))) throw new SiteError(`the build wrote no index.html into ${dist}: is the site's output static?`, result.output);
  return { dist, seconds: result.seconds };
}
