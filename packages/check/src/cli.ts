import { parseArgs } from 'node:util';
import { runCheck } from './check.ts';
import { CheckError } from './check-error.ts';
import { formatReport, writeReport } from './report.ts';

export const USAGE = `Usage: openoutreach-check <dist> [--base /sub-path/] [--lighthouse] [--report <file.json>] [--budgets <file.json>]

Checks a built Open Outreach site: accessibility (axe, WCAG 2.2 AA), requests to other hosts and
page weight in Chromium, HTML validity (W3C Nu checker, needs Java), links and #fragments.

  <dist>              the folder \`astro build\` wrote, e.g. dist
  --base /sub-path/   the base path the site was built for (as on a GitHub Pages project site)
  --lighthouse        also report Lighthouse scores of the home page, a news post, an event, search
  --report <file>     write everything found to a JSON file
  --budgets <file>    page-weight budgets in bytes by page type, e.g. { "news-post": { "images": 819200 } }

Exit code: 0 when every gate passes, 1 when one fails, 2 when the check cannot run.`;

export interface CliOutput {
  /** Prints one line (or several, joined by newlines). */
  log: (line: string) => void;
}

/** Runs `openoutreach-check` with `argv` (the arguments after the command) and returns its exit code. */
export async function runCli(argv: string[], { log }: CliOutput = { log: (line) => console.log(line) }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        base: { type: 'string' },
        lighthouse: { type: 'boolean', default: false },
        report: { type: 'string' },
        budgets: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    log(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    log(
      `${positionals.length ? `Expected one folder, got ${positionals.length}: ${positionals.join(' ')}` : 'Name the built site to check, e.g. `openoutreach-check dist`.'}\n\n${USAGE}`,
    );
    return 2;
  }
  try {
    const report = await runCheck({
      dist: positionals[0]!,
      base: values.base,
      lighthouse: values.lighthouse,
      budgets: values.budgets,
      progress: log,
    });
    log(['', ...formatReport(report)].join('\n'));
    if (values.report) {
      writeReport(values.report, report);
      log(`Report written to ${values.report}.`);
    }
    return report.passed ? 0 : 1;
  } catch (error) {
    if (error instanceof CheckError) {
      log(error.message);
      return 2;
    }
    throw error;
  }
}
