import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CheckError, runCheck } from '@openoutreach/check';
import type { Browser } from 'playwright-core';
import type { AcceptRule } from './accept.ts';
import { buildSite } from './build.ts';
import { beforeKey, cacheKey, type BeforeShots, type FolderCache } from './cache.ts';
import { candidateIdentity, type Candidate } from './candidate.ts';
import { checkoutSite, type Checkout } from './checkout.ts';
import { SiteError } from './fleet-error.ts';
import type { FleetSite } from './fleet-file.ts';
import { installCandidate, installLocked, siteKitPackages } from './install.ts';
import type { SiteResult } from './types.ts';
import { siteStatus, withAccepted } from './verdict.ts';
import { captureShots, compareShots } from './visual/index.ts';

/** How many of a failed gate's failures a site's result keeps (the rest are in its logs/check.json). */
const GATE_FAILURES_KEPT = 10;

/** What every site of a run shares. */
export interface RunContext {
  candidate: Candidate;
  workDir: string;
  reportDir: string;
  cache: FolderCache | undefined;
  threshold: number;
  accept: AcceptRule[];
  browser: Browser;
  /** The build clock of every build in the run (OPENOUTREACH_BUILD_DATE). */
  buildDate: string;
  registry: string | undefined;
  fleetVersion: string;
  /** Where progress goes. */
  log: (line: string) => void;
}

/** The site's part of the report folder: `sites/<name>/` (images, logs). */
export const siteReportDir = (reportDir: string, name: string) => join(reportDir, 'sites', name);

/** A site checked out, with the kit packages its lockfile installs; or why it could not be. */
export type CheckedOut = { site: FleetSite; checkout: Checkout; kitPackages: string[] } | { site: FleetSite; error: SiteError };

/** Checks the site out and reads its lockfile's kit packages; a failure is kept for its result. */
export async function checkOut(site: FleetSite, workDir: string): Promise<CheckedOut> {
  try {
    const checkout = await checkoutSite(site, workDir);
    const kitPackages = siteKitPackages(checkout.dir);
    if (!kitPackages.length) {
      throw new SiteError(
        `its package-lock.json installs no @openoutreach/ package, so there is no kit to try: is it an Open Outreach site? (commit ${checkout.commit.slice(0, 10)})`,
      );
    }
    return { site, checkout, kitPackages };
  } catch (error) {
    if (error instanceof SiteError) return { site, error };
    throw error;
  }
}

function where(site: FleetSite): Pick<SiteResult, 'domain' | 'path'> {
  return { ...(site.domain ? { domain: site.domain } : {}), ...(site.subpath ? { path: site.subpath } : {}) };
}

export function errorResult(site: FleetSite, commit: string, error: SiteError | CheckError, own: string, seconds: number): SiteResult {
  if (error instanceof SiteError && error.log) {
    mkdirSync(join(own, 'logs'), { recursive: true });
    writeFileSync(join(own, 'logs/error.txt'), error.log);
  }
  return { name: site.name, commit, status: 'error', cached: false, error: error.message, shots: [], ...where(site), seconds };
}

/**
 * The site's screenshots with its own locked kit: from the cache when a run that day shot the
 * same commit (the candidate's build then takes that run's build clock), else installed, built
 * and shot now, and stored for the next candidate.
 */
async function shotsBefore(
  { site, checkout }: Extract<CheckedOut, { checkout: Checkout }>,
  own: string,
  context: RunContext,
  step: (text: string) => void,
): Promise<BeforeShots> {
  const key = beforeKey({ site: site.name, base: site.base, commit: checkout.commit, fleetVersion: context.fleetVersion, day: context.buildDate.slice(0, 10) });
  const stored = context.cache?.restore<BeforeShots>(key, join(own, 'before'));
  if (stored) {
    step(`${checkout.commit.slice(0, 10)}: its screenshots with its locked kit are in the cache (built at ${stored.buildDate}).`);
    return stored;
  }
  step(`${checkout.commit.slice(0, 10)}: installing its locked kit…`);
  await installLocked(checkout.dir, { workDir: context.workDir, ...(context.registry ? { registry: context.registry } : {}) });
  step('building with its locked kit…');
  const built = await buildSite(checkout.dir, site, {
    buildDate: context.buildDate,
    outDir: join(checkout.dir, 'dist-before'),
    logFile: join(own, 'logs/build-before.txt'),
  });
  const shots = await captureShots({ dist: built.dist, base: site.base, outDir: join(own, 'before'), reportDir: context.reportDir, browser: context.browser });
  const found = { buildDate: context.buildDate, shots };
  context.cache?.store(key, found, join(own, 'before'));
  return found;
}

/**
 * Checks one checked-out site against the candidate: a stored result when the cache has one for
 * this commit and candidate; else the locked install, build and screenshots (before), the
 * candidate's install, timed build, gates and screenshots (after), and their comparison. A
 * site's own problems end up in its result, never thrown.
 */
export async function checkSite(checkedOut: CheckedOut, context: RunContext): Promise<SiteResult> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  const { site } = checkedOut;
  const own = siteReportDir(context.reportDir, site.name);
  if ('error' in checkedOut) return errorResult(site, '', checkedOut.error, own, 0);
  const { checkout, kitPackages } = checkedOut;
  const { commit } = checkout;
  const step = (text: string) => context.log(`  ${site.name}: ${text}`);
  const key = cacheKey({
    site: site.name,
    base: site.base,
    commit,
    candidate: candidateIdentity(context.candidate, kitPackages),
    fleetVersion: context.fleetVersion,
    threshold: context.threshold,
  });
  const stored = context.cache?.restore(key, own);
  if (stored) return withAccepted({ ...stored, ...where(site), name: site.name, commit, cached: true, seconds: seconds() }, context.accept);
  try {
    rmSync(own, { recursive: true, force: true });
    mkdirSync(join(own, 'logs'), { recursive: true });
    const before = await shotsBefore(checkedOut, own, context, step);
    const builds = { buildDate: before.buildDate };

    step(`installing the candidate (${context.candidate.label})…`);
    await installCandidate(checkout.dir, context.candidate, { workDir: context.workDir, ...(context.registry ? { registry: context.registry } : {}) });
    step('building with the candidate…');
    let after;
    try {
      after = await buildSite(checkout.dir, site, { ...builds, logFile: join(own, 'logs/build-after.txt') });
    } catch (error) {
      if (!(error instanceof SiteError)) throw error;
      // The candidate breaks this site's build: the finding the run is for, not an error.
      const result: SiteResult = {
        name: site.name,
        commit,
        status: 'failed',
        cached: false,
        error: `with the candidate, ${error.message}`,
        shots: [],
        ...where(site),
        seconds: seconds(),
      };
      context.cache?.store(key, result, own);
      return result;
    }
    step(`built in ${after.seconds.toFixed(1)} s; running the quality gates…`);
    const report = await runCheck({ dist: after.dist, base: site.base });
    writeFileSync(join(own, 'logs/check.json'), `${JSON.stringify(report, null, 2)}\n`);
    const gates = report.gates.map((gate) => ({
      name: gate.title,
      passed: gate.passed,
      summary: gate.summary,
      ...(gate.passed ? {} : { failures: gate.failures.slice(0, GATE_FAILURES_KEPT).map((failure) => `${failure.where}: ${failure.detail}`) }),
    }));
    const afterShots = await captureShots({
      dist: after.dist,
      base: site.base,
      outDir: join(own, 'after'),
      reportDir: context.reportDir,
      browser: context.browser,
    });
    const shots = await compareShots(before.shots, afterShots, { threshold: context.threshold, outDir: join(own, 'diff'), reportDir: context.reportDir });
    const found: SiteResult = {
      name: site.name,
      commit,
      status: 'passed',
      cached: false,
      buildSeconds: Math.round(after.seconds * 10) / 10,
      gates,
      shots,
      ...where(site),
      seconds: seconds(),
    };
    const result = { ...found, status: siteStatus(found) };
    context.cache?.store(key, { ...result, shots: result.shots.map((shot) => ({ ...shot, accepted: false })) }, own);
    return withAccepted(result, context.accept);
  } catch (error) {
    if (error instanceof SiteError || error instanceof CheckError) return errorResult(site, commit, error, own, seconds());
    throw error;
  }
}
