import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { siteReportDir } from '../check-site.ts';
import { FleetError } from '../fleet-error.ts';
import type { FleetSummary } from '../types.ts';
import { reportHtml, type ReportFiles } from './html.ts';

export { reportHtml, type ReportFiles } from './html.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's size from its header (the first 24 bytes), without reading the image. */
function pngSize(file: string): { width: number; height: number } | undefined {
  if (!existsSync(file)) return undefined;
  const header = Buffer.alloc(24);
  const descriptor = openSync(file, 'r');
  try {
    if (readSync(descriptor, header, 0, 24, 0) < 24 || !header.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  } finally {
    closeSync(descriptor);
  }
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

/** The files beside report.json, as the page links them. */
function filesIn(dir: string): ReportFiles {
  return {
    imageSize: (file) => pngSize(join(dir, file)),
    logsOf: (site) => {
      const logs = join(siteReportDir(dir, site), 'logs');
      if (!existsSync(logs)) return [];
      return readdirSync(logs)
        .sort()
        .map((name) => relative(dir, join(logs, name)));
    },
  };
}

/**
 * Writes the run's report into `dir`: `report.json` (the summary, for machines and for `merge`)
 * and `index.html` (for people: every site's status, build time and gates, and the before, after
 * and difference images of every changed screenshot, linked relative to the folder, so the page
 * works opened from disk or served from anywhere).
 */
export async function writeReport(dir: string, summary: FleetSummary): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'report.json'), `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(join(dir, 'index.html'), reportHtml(summary, filesIn(dir)));
}

/** The summary a run wrote into `dir`. Throws a FleetError naming the file and what to do. */
export async function readReport(dir: string): Promise<FleetSummary> {
  const file = join(dir, 'report.json');
  if (!existsSync(file)) throw new FleetError(`${dir} holds no report.json: name the --out folder of an \`openoutreach-fleet check\` run.`);
  let summary: unknown;
  try {
    summary = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new FleetError(`${file} is not JSON (${(error as Error).message}): give the folder a \`check\` run wrote, unchanged.`);
  }
  const { candidate, sites, startedAt } = (summary ?? {}) as Partial<FleetSummary>;
  if (typeof candidate !== 'string' || typeof startedAt !== 'string' || !Array.isArray(sites)) {
    throw new FleetError(`${file} is not a fleet report (it lacks candidate, startedAt or sites): give the folder a \`check\` run wrote, unchanged.`);
  }
  return summary as FleetSummary;
}
