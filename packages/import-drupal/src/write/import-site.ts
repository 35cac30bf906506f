import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError } from '../import-error.ts';
import type { DrupalSite } from '../model.ts';
import { type Applied, applyPlan } from './apply.ts';
import { planSite } from './plan.ts';
import { REDIRECTS_FILE, redirectsFile } from './redirects.ts';
import { type ImportReport, importReport, REPORT_FILES, reportMarkdown } from './report.ts';
import { SETTINGS_FILE, updatedSettings } from './settings.ts';

export interface WriteOptions {
  /** The member site's folder (made with `npm create openoutreach`). */
  siteDir: string;
  /** Remove everything in src/content and src/assets the import does not write (the starter's sample content) and the sample settings. */
  replace?: boolean;
  /** Say what would change, and write nothing. */
  dryRun?: boolean;
  /** The Drupal site's own addresses, so that absolute links to it become links within the site. */
  oldOrigins?: string[];
  log?: (line: string) => void;
}

/** The files of the previous import into this site, from its report. */
function previousFiles(siteDir: string): string[] {
  const path = join(siteDir, REPORT_FILES.json);
  if (!existsSync(path)) return [];
  try {
    const files = (JSON.parse(readFileSync(path, 'utf8')) as { files?: unknown }).files;
    return Array.isArray(files) ? files.filter((file): file is string => typeof file === 'string') : [];
  } catch {
    return [];
  }
}

/** Writes a Drupal site, as read, into a member site: content, files, settings, redirects and the report. */
export function writeMemberSite(drupal: DrupalSite, options: WriteOptions): { report: ImportReport; applied: Applied } {
  const { siteDir, replace = false, dryRun = false, log = () => {} } = options;
  const settingsPath = join(siteDir, SETTINGS_FILE);
  if (!existsSync(settingsPath)) {
    throw new ImportError(
      `${siteDir} is not an Open Outreach site: it has no ${SETTINGS_FILE}.\n  Fix: make the site first, e.g. \`npm create openoutreach@latest my-site -- --name "${drupal.site.name}"\`, then import into it with \`--site my-site --replace-content\`.`,
      2,
    );
  }
  log('Planning the site…');
  const plan = planSite(drupal, { oldOrigins: options.oldOrigins ?? [] });
  // An existing site's own home page stays; the import only makes one where there is none.
  const previous = previousFiles(siteDir);
  if (!replace) for (const path of plan.fallbacks) if (existsSync(join(siteDir, path)) && !previous.includes(path)) plan.files.delete(path);
  const settings = updatedSettings(readFileSync(settingsPath, 'utf8'), plan, replace);
  for (const message of settings.problems) plan.findings.problem('settings', message, SETTINGS_FILE);
  const ownFiles = [...plan.files.keys(), ...plan.copies.keys(), ...(plan.redirects.length ? [REDIRECTS_FILE] : [])];
  const report = importReport(plan, ownFiles);
  const files = new Map<string, string>([
    ...plan.files,
    [SETTINGS_FILE, settings.text],
    ...(plan.redirects.length ? [[REDIRECTS_FILE, redirectsFile(plan.redirects)] as const] : []),
    [REPORT_FILES.markdown, reportMarkdown(report)],
    [REPORT_FILES.json, `${JSON.stringify(report, null, 2)}\n`],
  ]);
  log(`Writing ${files.size + plan.copies.size} files into ${siteDir}${dryRun ? ' (dry run: nothing is written)' : ''}…`);
  const applied = applyPlan(siteDir, files, plan.copies, { replace, previous, dryRun });
  if (applied.conflicts.length) {
    const shown = applied.conflicts.slice(0, 10).map((path) => `    ${path}`);
    throw new ImportError(
      `The import would overwrite ${applied.conflicts.length} file(s) of the site that it did not write:\n${shown.join('\n')}${applied.conflicts.length > 10 ? '\n    …' : ''}\n  Fix: import into a new site made with \`npm create openoutreach\`, and add --replace-content to replace its sample content.`,
    );
  }
  return { report, applied };
}
