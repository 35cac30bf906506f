import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FleetError } from '../fleet-error.ts';
import { createRelease, currentRelease, pruneReleases, releaseSnippet, SNIPPET, switchCurrent } from './releases.ts';
import { withSiteLock } from './site-lock.ts';

/** Where the output of a site's last failed build is kept, in its folder under the root. */
export const FAILED_LOG = 'failed-build.log';

/** What deploy needs of a fleet file's site: its name and where it is served. */
export interface HostedSite {
  name: string;
  domain?: string;
  /** `/name/` on the fleet's host. */
  subpath?: string;
  /** `/` or the subpath: the base the site is built with. */
  base: string;
}

/** A site built and ready to copy: its dist/, the nginx snippet the build wrote beside it, its commit. */
export interface BuiltSite {
  dist: string;
  snippet: string;
  commit: string;
}

export interface DeploySiteOptions {
  root: string;
  /** Releases kept, the live one included. */
  keep: number;
  /** Builds the site (or finds it built); throws a FleetError whose message says why it could not. */
  obtain: () => Promise<BuiltSite>;
  /** The quality gates: resolves to what failed, in one line, or undefined when all passed. */
  gates?: (dist: string, base: string) => Promise<string | undefined>;
  now?: Date;
}

export interface DeployOutcome {
  name: string;
  deployed: boolean;
  /** The live release after the deploy (the old one when it failed). */
  live?: string;
  /** True when the new release's headers or redirects differ from the old one's: nginx must reload. */
  reload: boolean;
  /** One line for the operator. */
  message: string;
}

/** An error's first line, without its full stop: it goes in the middle of a sentence. */
const firstLine = (error: unknown) =>
  (((error as Error)?.message ?? String(error)).split('\n').find((line) => line.trim()) ?? 'unknown error').replace(/\.$/, '');

/** Refuses a build that would break the live site: half written, or built for another address. */
export function verifyBuild(site: HostedSite, built: BuiltSite): void {
  for (const page of ['index.html', '404.html']) {
    if (!existsSync(join(built.dist, page))) {
      throw new FleetError(`${join(built.dist, page)} is missing, so the build did not finish: build the site again.`);
    }
  }
  if (!existsSync(built.snippet)) {
    throw new FleetError(
      `${built.snippet} is missing (the security headers and redirects the build writes beside dist/): build the site with @openoutreach/astro, which writes it.`,
    );
  }
  if (site.subpath && !readFileSync(join(built.dist, 'index.html'), 'utf8').includes(`"${site.subpath}`)) {
    throw new FleetError(`${built.dist} was not built for ${site.subpath} (its home page links nowhere under it): build it with --base ${site.subpath}.`);
  }
}

/**
 * Deploys one site: obtains its build, checks it, copies it into a new release, points `current`
 * at it and removes the oldest releases beyond `keep`. Whatever fails before the switch leaves
 * the live release serving, and the outcome says so in one line.
 */
export async function deploySite(site: HostedSite, options: DeploySiteOptions): Promise<DeployOutcome> {
  const siteRoot = join(options.root, site.name);
  try {
    return await withSiteLock(siteRoot, async () => {
      const live = currentRelease(siteRoot);
      const kept = live ? `the live release ${live} stays` : 'it has no live release yet';
      let built: BuiltSite;
      try {
        built = await options.obtain();
        verifyBuild(site, built);
        const failed = await options.gates?.(built.dist, site.base);
        if (failed) throw new FleetError(`quality gates failed: ${failed}`);
      } catch (error) {
        // A failed build's whole output (SiteError.log) is kept for the operator; the line names it.
        const output = (error as { log?: unknown }).log;
        const logFile = join(siteRoot, FAILED_LOG);
        if (typeof output === 'string') writeFileSync(logFile, output);
        const where = typeof output === 'string' ? ` (its output: ${logFile})` : '';
        return { name: site.name, deployed: false, live, reload: false, message: `${site.name}: not deployed, ${firstLine(error)}${where}; ${kept}.` };
      }
      const id = createRelease(siteRoot, { site: site.name, dist: built.dist, snippet: built.snippet, commit: built.commit, now: options.now });
      switchCurrent(siteRoot, id);
      const removed = pruneReleases(siteRoot, options.keep);
      // A first release is served once `openoutreach-fleet nginx` has written it into the configuration.
      const reload = Boolean(live) && releaseSnippet(siteRoot, id) !== releaseSnippet(siteRoot, live);
      const notes = [
        live ? `was ${live}` : 'its first: run `openoutreach-fleet nginx` to serve it',
        ...(removed.length ? [`removed ${removed.length} old release${removed.length > 1 ? 's' : ''}`] : []),
        ...(reload ? [`new headers or redirects (${SNIPPET}): reload nginx`] : []),
      ];
      return { name: site.name, deployed: true, live: id, reload, message: `${site.name}: live release ${id} (${notes.join('; ')}).` };
    });
  } catch (error) {
    // The lock was held, or copying failed (a full disk): the switch never happened.
    return { name: site.name, deployed: false, reload: false, message: `${site.name}: not deployed, ${firstLine(error)}.` };
  }
}
