import { parseArgs } from 'node:util';
import { runDeploy, runNginx, runRollback } from './deploy/index.ts';
import { FleetError } from './fleet-error.ts';
import { mergeReports } from './merge.ts';
import { checkFleet, DEFAULT_THRESHOLD, FLEET_VERSION } from './run-fleet.ts';
import { exitCodeOf, summaryLines } from './verdict.ts';

export const USAGE = `Usage: openoutreach-fleet <command> …

  check <fleet.yaml> --candidate <kit folder | version>   check every member site against a candidate kit
  merge <report>... --out DIR                               join the reports of several shards into one
  deploy <fleet.yaml> --root DIR                            build the hosted sites and make them live
  rollback <fleet.yaml> --root DIR --site NAME              put a site's previous release back
  nginx <fleet.yaml> --root DIR                             write one nginx configuration for every hosted site

\`openoutreach-fleet <command> --help\` tells more.`;

export const CHECK_USAGE = `Usage: openoutreach-fleet check <fleet.yaml> --candidate <kit folder | version> [options]

For each site of the fleet file: checks it out, builds it with its locked kit and with the
candidate, runs the quality gates on the candidate's build, screenshots one page of every page
type (phone and desktop, light and dark) with both and compares them pixel by pixel. Writes a
report (index.html and report.json).

  --candidate X      the kit's workspace folder (its packages are packed), or a version (e.g. 0.2.0)
  --registry URL     the registry a version comes from (default: npm's configured registry)
  --out DIR          the report folder (default: fleet-report)
  --work DIR         where sites are checked out, installed and built (default: .openoutreach-fleet)
  --cache DIR        results of earlier runs, reused when a site's commit and the candidate are
                     unchanged; may be a shared folder (default: <work>/cache)
  --jobs N           sites checked at once (default: the number of cores)
  --shard i/n        check only the i-th of n slices of the fleet (for a CI matrix; then \`merge\`)
  --accept FILE      the visual changes that are meant (YAML list of { site, pageType, width, scheme })
  --threshold RATIO  the share of a shot's pixels that may change unnoticed (default: ${DEFAULT_THRESHOLD})

Exit code: 0 when every site passed; 1 when a build or gate failed, a visual change is not
accepted, or a site could not be checked; 2 when the check cannot run.`;

export const MERGE_USAGE = `Usage: openoutreach-fleet merge <report>... --out DIR

Joins the reports of the shards of one run (\`check --shard i/n --out <report>\`) into one report
in DIR. Exit code as for check: 0 when every site passed, 1 when not (or a shard is missing).`;

type Log = (line: string) => void;

export interface CliOutput {
  /** Prints one line (or several, joined by newlines). */
  log: Log;
}

function positiveInteger(value: string, option: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new FleetError(`${option} ${value}: give a whole number of at least 1, e.g. ${option} 2.`);
  return Number(value);
}

function ratio(value: string, option: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number >= 1) {
    throw new FleetError(`${option} ${value}: give a share of the pixels between 0 and 1, e.g. ${option} 0.001 for a tenth of a percent.`);
  }
  return number;
}

async function check(argv: string[], log: Log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      candidate: { type: 'string' },
      registry: { type: 'string' },
      out: { type: 'string', default: 'fleet-report' },
      work: { type: 'string', default: '.openoutreach-fleet' },
      cache: { type: 'string' },
      jobs: { type: 'string' },
      shard: { type: 'string' },
      accept: { type: 'string' },
      threshold: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    log(CHECK_USAGE);
    return 0;
  }
  if (positionals.length !== 1)
    throw new FleetError(
      `Name one fleet file, e.g. \`openoutreach-fleet check fleet.yaml --candidate ../openoutreach\`${positionals.length ? `, not ${positionals.length}: ${positionals.join(' ')}` : ''}.`,
    );
  if (!values.candidate)
    throw new FleetError('--candidate is missing: give the kit’s workspace folder (e.g. --candidate ../openoutreach) or a version (e.g. --candidate 0.2.0).');
  const summary = await checkFleet({
    fleetFile: positionals[0]!,
    candidate: values.candidate,
    out: values.out,
    work: values.work,
    log,
    ...(values.registry ? { registry: values.registry } : {}),
    ...(values.cache ? { cache: values.cache } : {}),
    ...(values.jobs ? { jobs: positiveInteger(values.jobs, '--jobs') } : {}),
    ...(values.shard ? { shard: values.shard } : {}),
    ...(values.accept ? { accept: values.accept } : {}),
    ...(values.threshold ? { threshold: ratio(values.threshold, '--threshold') } : {}),
  });
  log(['', ...summaryLines(summary), `Report: ${values.out}/index.html`].join('\n'));
  return exitCodeOf(summary);
}

async function merge(argv: string[], log: Log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    log(MERGE_USAGE);
    return 0;
  }
  if (!values.out) throw new FleetError('--out is missing: name the folder for the merged report, e.g. --out fleet-report.');
  const { summary, missingShards } = await mergeReports(positionals, values.out);
  log([...summaryLines(summary), `Report: ${values.out}/index.html`].join('\n'));
  if (missingShards.length) {
    log(
      `Shard${missingShards.length === 1 ? '' : 's'} ${missingShards.join(', ')} missing: ${missingShards.length === 1 ? 'its' : 'their'} sites are not in the report; give every shard's report folder.`,
    );
    return 1;
  }
  return exitCodeOf(summary);
}

const COMMANDS: Record<string, (argv: string[], log: Log) => Promise<number>> = { check, merge, deploy: runDeploy, rollback: runRollback, nginx: runNginx };

/** Runs `openoutreach-fleet` with `argv` (the arguments after the command name) and returns its exit code. */
export async function runCli(argv: string[], { log }: CliOutput = { log: (line) => console.log(line) }): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    log(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version') {
    log(FLEET_VERSION);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    log(`There is no command "${command}": use one of ${Object.keys(COMMANDS).join(', ')}.\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(rest, log);
  } catch (error) {
    if (error instanceof FleetError) {
      log(error.message);
      return 2;
    }
    // parseArgs' own errors (an unknown option, a missing value) are already one clear line.
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      log(`${(error as Error).message} — see \`openoutreach-fleet ${command} --help\`.`);
      return 2;
    }
    if (process.env.OPENOUTREACH_DEBUG) log((error as Error).stack ?? String(error));
    log(
      `openoutreach-fleet ${command} stopped on an unexpected error: ${(error as Error).message.split('\n')[0]} — please report it to the co-op with the command you ran (OPENOUTREACH_DEBUG=1 shows where it happened).`,
    );
    return 2;
  }
}
