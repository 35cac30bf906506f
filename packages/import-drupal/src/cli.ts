import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError } from './import-error.ts';
import type { DrupalSite, DrupalSource, ReadOptions } from './model.ts';
import { readDrupalSite } from './read/index.ts';
import { writeMemberSite } from './write/import-site.ts';
import { REPORT_FILES } from './write/report.ts';

export const USAGE =
  'Usage: openoutreach-import <dump.sql | mysql://user:password@host/database> --site <folder> [--files <folder>] [--old-url https://…] [--replace-content] [--dry-run]';

export const HELP = `Moves a Drupal 7 Open Outreach site into an Open Outreach member site: its pages, news,
events, people, links, media and files, its settings and languages, and a redirect from every old
address to its new page. It writes import-report.md (and .json) in the site: what was imported,
what was not, and every problem with the node it came from.

${USAGE}

  <dump.sql>         a mysqldump of the Drupal database; it is loaded into a private, temporary
                     MariaDB (Debian: apt-get install mariadb-server), which is removed afterwards
  mysql://…          or the database itself: mysql://user:password@host:3306/database, or
                     mysql://user@localhost/database?socket=/run/mysqld/mysqld.sock
  --site <folder>    the member site to import into, made with \`npm create openoutreach\`
  --files <folder>   the Drupal site's files folder (usually sites/default/files), for its images
                     and documents; without it, none are copied and the report lists each one
  --old-url <url>    the Drupal site's address (repeat for each), so that links written with it
                     lead within the new site
  --replace-content  replace everything in the site's src/content and src/assets (the starter's
                     sample content) and its sample settings; without it, the import refuses to
                     overwrite a file it did not write
  --dry-run          say what would change, and write nothing

Run it again after a fix: it changes only what differs, and removes what it wrote before that is
gone from the Drupal site.`;

/** Where the Drupal database is, from the first argument. */
function sourceOf(database: string): DrupalSource {
  if (/^(mysql|mariadb):\/\//i.test(database)) return { url: database };
  const path = resolve(database);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new ImportError(
      `${database} is neither a mysqldump file nor a mysql:// address.\n  Fix: give the dump's path (e.g. drupal.sql) or the database's address (mysql://user:password@host/database).`,
      2,
    );
  }
  return { dumpFile: path };
}

/** Progress on one line per step, at most twice a second, so that a long import shows it is moving. */
function progress(log: (line: string) => void): NonNullable<ReadOptions['onProgress']> {
  let last = { step: '', at: 0 };
  return (step, done, total) => {
    const now = Date.now();
    if (step === last.step && done < total && now - last.at < 500) return;
    last = { step, at: now };
    log(`  ${step}: ${done}/${total}`);
  };
}

export interface CliIo {
  log?: (line: string) => void;
  /** The reader, replaceable in tests. */
  read?: (source: DrupalSource, options: ReadOptions) => Promise<DrupalSite>;
}

/** Runs `openoutreach-import` with `argv` (the arguments after the command); returns the exit code (0 done, 1 failed, 2 nothing done). */
export async function runCli(argv: string[], io: CliIo = {}): Promise<number> {
  const log = io.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          site: { type: 'string' },
          files: { type: 'string' },
          'old-url': { type: 'string', multiple: true },
          'replace-content': { type: 'boolean', default: false },
          'dry-run': { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (error) {
      throw new ImportError(`${(error as Error).message}\n${USAGE}`, 2);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      log(HELP);
      return 0;
    }
    if (positionals.length !== 1 || !values.site) throw new ImportError(`Give the Drupal database and the site to import into.\n${USAGE}`, 2);
    const oldOrigins = (values['old-url'] ?? []).map((url) => {
      try {
        return new URL(url).origin;
      } catch {
        throw new ImportError(`--old-url ${url} is not a web address.\n  Fix: give the Drupal site's address, e.g. --old-url https://example.org`, 2);
      }
    });
    const filesDir = values.files && resolve(values.files);
    if (filesDir && !existsSync(filesDir))
      throw new ImportError(`The files folder ${values.files} does not exist.\n  Fix: give the Drupal site's files folder, usually sites/default/files.`, 2);
    const siteDir = resolve(values.site);
    const source = sourceOf(positionals[0]!);
    log(`Reading the Drupal site from ${positionals[0]}…`);
    const drupal = await (io.read ?? readDrupalSite)(source, { ...(filesDir ? { filesDir } : {}), onProgress: progress(log) });
    const { report, applied } = writeMemberSite(drupal, { siteDir, replace: values['replace-content'], dryRun: values['dry-run'], oldOrigins, log });
    const imported = Object.entries(report.imported)
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', ');
    log(`Imported ${report.site}: ${imported}.`);
    log(
      `${values['dry-run'] ? 'Would write' : 'Wrote'} ${applied.written.length} file(s), left ${applied.unchanged.length} unchanged${applied.removed.length ? `, ${values['dry-run'] ? 'would remove' : 'removed'} ${applied.removed.length}` : ''}.`,
    );
    log(
      `${report.problems.length} problem(s) and ${report.imagesWithoutAlt.length} image(s) to describe: read ${resolve(siteDir, REPORT_FILES.markdown)}.\nNext: in ${siteDir}, run \`npm install\` (once), then \`npm run build\` to check the site.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      log(error.message);
      return error.exitCode;
    }
    // The reader's errors are written for people too (a database it does not recognise, …).
    if (error instanceof Error && error.name === 'DrupalReadError') {
      log(error.message);
      return 1;
    }
    // Anything else is a bug of the importer: one line to report, the stack only when asked for.
    if (process.env.OPENOUTREACH_DEBUG) throw error;
    log(
      `openoutreach-import stopped on an unexpected error: ${(error as Error)?.message ?? String(error)}\n  Run it again with OPENOUTREACH_DEBUG=1 for the details, and report them to the co-op.`,
    );
    return 1;
  }
}
