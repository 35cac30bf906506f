import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { browserMissing, findBrowser, inParallel, launchBrowser } from '@openoutreach/check';
import { readAcceptFile } from './accept.ts';
import { FolderCache } from './cache.ts';
import { candidateLabel, prepareCandidate } from './candidate.ts';
import { checkOut, checkSite, errorResult, siteReportDir, type RunContext } from './check-site.ts';
import { FleetError } from './fleet-error.ts';
import { readFleetFile } from './fleet-file.ts';
import { writeReport } from './report/index.ts';
import { parseShard, shardSites } from './shard.ts';
import type { FleetSummary, SiteResult } from './types.ts';
import { siteLine } from './verdict.ts';

/** The fleet tool's version, part of every cache key. */
export const FLEET_VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** The share of a shot's pixels that may differ before it counts as changed. */
export const DEFAULT_THRESHOLD = 0.001;

export interface CheckFleetOptions {
  fleetFile: string;
  /** A workspace folder or a version. */
  candidate: string;
  registry?: string;
  /** The report folder. */
  out: string;
  /** Where sites are checked out, installed and built. */
  work: string;
  /** The cache folder; `<work>/cache` when omitted. */
  cache?: string;
  jobs?: number;
  /** `i/n`. */
  shard?: string;
  accept?: string;
  threshold?: number;
  log: (line: string) => void;
}

/**
 * `openoutreach-fleet check`: every site of the fleet file (or of one shard of it) checked
 * against the candidate, the report written to `out`. Throws a FleetError when it cannot run.
 */
export async function checkFleet(options: CheckFleetOptions): Promise<FleetSummary> {
  const startedAt = new Date();
  const fleet = readFleetFile(options.fleetFile);
  const shard = options.shard ? parseShard(options.shard) : undefined;
  const accept = options.accept ? readAcceptFile(options.accept) : [];
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const jobs = options.jobs ?? availableParallelism();
  const sites = shardSites(fleet.sites, shard);
  const workDir = resolve(options.work);
  const reportDir = resolve(options.out);
  mkdirSync(workDir, { recursive: true });
  const chromium = findBrowser();
  if (!chromium) throw new FleetError(browserMissing());

  options.log(
    `Checking out ${sites.length} site${sites.length === 1 ? '' : 's'}${shard ? ` (shard ${shard.index}/${shard.count} of ${fleet.sites.length})` : ''}…`,
  );
  const checkedOut = await inParallel(sites, Math.max(jobs, 4), (site) => checkOut(site, workDir));
  const needed = [...new Set(checkedOut.flatMap((entry) => ('kitPackages' in entry ? entry.kitPackages : [])))].sort();
  // The report folder is the run's: only what this tool writes there is replaced.
  for (const name of ['sites', 'report.json', 'index.html']) rmSync(join(reportDir, name), { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  let label = candidateLabel(options.candidate, options.registry);
  let results: SiteResult[];
  if (!needed.length) {
    // No site to build (an empty shard, or none could be checked out): nothing to pack or open.
    results = checkedOut.map((entry) => {
      const result = 'error' in entry ? errorResult(entry.site, '', entry.error, siteReportDir(reportDir, entry.site.name), 0) : undefined;
      if (result) options.log(siteLine(result));
      return result!;
    });
  } else {
    const candidate = await prepareCandidate(options.candidate, {
      workDir,
      needed,
      log: options.log,
      ...(options.registry ? { registry: options.registry } : {}),
    });
    label = candidate.label;
    options.log(`Checking them against ${candidate.label}, ${Math.min(jobs, sites.length)} at a time…`);
    const browser = await launchBrowser(chromium);
    try {
      const context: RunContext = {
        candidate,
        workDir,
        reportDir,
        cache: new FolderCache(resolve(options.cache ?? join(workDir, 'cache'))),
        threshold,
        accept,
        browser,
        buildDate: startedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        registry: options.registry,
        fleetVersion: FLEET_VERSION,
        log: options.log,
      };
      results = await inParallel(checkedOut, jobs, async (entry) => {
        const result = await checkSite(entry, context);
        options.log(siteLine(result));
        return result;
      });
    } finally {
      await browser.close();
    }
  }
  const summary: FleetSummary = {
    candidate: label,
    startedAt: startedAt.toISOString(),
    seconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
    sites: results,
    threshold,
    ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}),
  };
  await writeReport(reportDir, summary);
  if (!existsSync(join(reportDir, 'report.json'))) throw new FleetError(`The report could not be written to ${reportDir}: check that the folder is writable.`);
  return summary;
}
