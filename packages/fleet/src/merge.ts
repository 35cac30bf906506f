import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { siteReportDir } from './check-site.ts';
import { FleetError } from './fleet-error.ts';
import { readReport, writeReport } from './report/index.ts';
import type { FleetSummary } from './types.ts';

export interface MergedReport {
  summary: FleetSummary;
  /** The shards (`i/n`) no report was given for: their sites are missing from the summary. */
  missingShards: string[];
}

/** The summaries of several shards as one: their sites by name, the time from the first start to the last end. */
export function mergeSummaries(parts: { dir: string; summary: FleetSummary }[]): MergedReport {
  const first = parts[0]!.summary;
  const seen = new Map<string, string>();
  const shards = new Set<number>();
  let count: number | undefined;
  for (const { dir, summary } of parts) {
    if (summary.candidate !== first.candidate) {
      throw new FleetError(`${dir} checked ${summary.candidate}, but ${parts[0]!.dir} checked ${first.candidate}: merge only the shards of one run.`);
    }
    if (summary.threshold !== first.threshold) {
      throw new FleetError(`${dir} used the threshold ${summary.threshold}, but ${parts[0]!.dir} used ${first.threshold}: merge only the shards of one run.`);
    }
    for (const site of summary.sites) {
      const other = seen.get(site.name);
      if (other) throw new FleetError(`The site ${site.name} is in both ${other} and ${dir}: give each shard's report once (each needs its own --shard i/n).`);
      seen.set(site.name, dir);
    }
    if (summary.shard) {
      const [index, total] = summary.shard.split('/').map(Number) as [number, number];
      if (count !== undefined && total !== count)
        throw new FleetError(`${dir} is shard ${summary.shard}, but another report is one of ${count}: merge only the shards of one run.`);
      count = total;
      shards.add(index);
    }
  }
  const starts = parts.map(({ summary }) => Date.parse(summary.startedAt));
  const ends = parts.map(({ summary }, index) => starts[index]! + summary.seconds * 1000);
  const startedAt = Math.min(...starts);
  const sites = parts.flatMap(({ summary }) => summary.sites).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const missingShards =
    count === undefined
      ? []
      : Array.from({ length: count }, (_, index) => index + 1)
          .filter((index) => !shards.has(index))
          .map((index) => `${index}/${count}`);
  return {
    summary: {
      candidate: first.candidate,
      startedAt: new Date(startedAt).toISOString(),
      seconds: Math.round((Math.max(...ends) - startedAt) / 100) / 10,
      sites,
      ...(first.threshold !== undefined ? { threshold: first.threshold } : {}),
    },
    missingShards,
  };
}

/**
 * `openoutreach-fleet merge`: the reports of several shards (each a `check --out` folder) joined
 * into one report in `out`, their images copied along. Throws a FleetError.
 */
export async function mergeReports(dirs: string[], out: string): Promise<MergedReport> {
  if (!dirs.length) throw new FleetError('Name the report folders to merge, e.g. `openoutreach-fleet merge shard-1 shard-2 --out report`.');
  const outDir = resolve(out);
  const parts = [];
  for (const dir of dirs) {
    if (resolve(dir) === outDir) throw new FleetError(`--out ${out} is also one of the reports to merge: write the merged report to another folder.`);
    if (!existsSync(join(dir, 'report.json')))
      throw new FleetError(`${dir} holds no report.json: name the --out folder of an \`openoutreach-fleet check\` run.`);
    let summary: FleetSummary;
    try {
      summary = await readReport(dir);
    } catch (error) {
      throw new FleetError(
        `${join(dir, 'report.json')} cannot be read (${(error as Error).message.split('\n')[0]}): give the folder a \`check\` run wrote, unchanged.`,
      );
    }
    parts.push({ dir, summary });
  }
  const merged = mergeSummaries(parts);
  for (const name of ['sites', 'report.json', 'index.html']) rmSync(join(outDir, name), { recursive: true, force: true });
  mkdirSync(join(outDir, 'sites'), { recursive: true });
  for (const { dir, summary } of parts) {
    for (const site of summary.sites) {
      const files = siteReportDir(dir, site.name);
      if (existsSync(files)) cpSync(files, siteReportDir(outDir, site.name), { recursive: true });
    }
  }
  await writeReport(outDir, merged.summary);
  return merged;
}
