// The build benchmark: a kit site, a plain Astro site and a Hugo site built from the same corpus,
// each cold, with nothing changed and after editing one post. Prints figures, phases, ratios
// kit/plain and kit/Hugo and the issue's targets, and writes scripts/bench/.corpus/results.json.
// See scripts/bench/README.md.
//   npm exec -- node scripts/bench/run.mjs [--scale 0.1 | --scales 1,2,5] [--only kit,hugo] [--rounds 3]
//   npm exec -- node scripts/bench/run.mjs --sweep 1,2,5   (the sweep from each scale's last run)
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { corpusCounts, parseArgs, parseList, parseScale, REPO_ROOT, scaleDirs, WORK_DIR } from './lib/corpus-layout.mjs';
import { measureAstroBuild, measureHugoBuild } from './lib/measure.mjs';
import { growth, growthTable, medianResults, phasesTable, ratios, ratiosTable, resultsTable, sweepTable, targets } from './lib/report.mjs';
import { staleBuilds } from './lib/packages.mjs';
import { clearAstroCaches, editOnePost } from './lib/steps.mjs';
import { writeHugoSite, writeKitSite, writePlainSite } from './lib/sites.mjs';
import { generateCorpus } from './generate-corpus.mjs';

/** Each site: how to write it from the corpus and how to build it, cold or not. */
const SITES = {
  kit: {
    write: writeKitSite,
    content: 'src/content/news',
    build: (site, { cold, onLine }) => (cold && clearAstroCaches(site), measureAstroBuild(site, { onLine })),
  },
  plain: {
    write: writePlainSite,
    content: 'src/content/news',
    build: (site, { cold, onLine }) => (cold && clearAstroCaches(site), measureAstroBuild(site, { onLine })),
  },
  hugo: { write: writeHugoSite, content: 'content/news', build: (site, options) => measureHugoBuild(site, options) },
};
/** The 1-minute load average before each build: a busy machine inflates wall times. */
const loadAverages = [];

const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`The bench runs Astro 7, which needs Node 22.12 or newer; this is ${process.version}. Run it as: npm exec -- node scripts/bench/run.mjs`);
  process.exit(1);
}
let options;
try {
  const raw = parseArgs(process.argv.slice(2), { scale: '1', scales: '', only: Object.keys(SITES).join(','), rounds: 1, sweep: '' });
  if (!(Number.isInteger(raw.rounds) && raw.rounds >= 1)) throw new Error(`--rounds ${raw.rounds}: give a whole number of rounds, 1 or more`);
  options = {
    sweep: raw.sweep ? raw.sweep.split(',').map(parseScale) : undefined,
    rounds: raw.rounds,
    scales: raw.scales ? raw.scales.split(',').map(parseScale) : [parseScale(raw.scale)],
    only: parseList(raw.only, Object.keys(SITES), 'only'),
  };
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

/**
 * Builds one site cold, with nothing changed and after editing a post. A failed build (a crash,
 * running out of memory at a large scale) ends that site's builds and is reported in `failure`,
 * so that a sweep goes on with the other sites and scales.
 */
async function benchSite(name, dirs, logFile) {
  const site = dirs.sites[name];
  mkdirSync(site, { recursive: true });
  SITES[name].write(site, dirs.corpus);
  const onLine = (line) => appendFileSync(logFile, `${line}\n`);
  const results = {};
  const steps = [
    ['cold', () => {}],
    ['warm', () => {}],
    ['edit', () => editOnePost(join(site, SITES[name].content))],
  ];
  for (const [step, prepare] of steps) {
    prepare();
    onLine(`\n===== ${name} ${step} =====`);
    process.stdout.write(`${name} ${step} build… `);
    loadAverages.push(os.loadavg()[0]);
    try {
      results[step] = await SITES[name].build(site, { cold: step === 'cold', onLine });
    } catch (error) {
      console.log(`FAILED\n${error.message}`);
      return { results, failure: { step, message: error.message } };
    }
    console.log(`${results[step].wall.toFixed(1)} s, ${results[step].pages} pages`);
  }
  return { results };
}

function commitDescription() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'packages', 'themes'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${commit} with uncommitted changes in packages/ or themes/` : commit;
  } catch {
    return 'unknown';
  }
}

/**
 * `--sweep 1,2,5`: no builds; the sweep tables from each scale's last run, saved in its folder
 * (`.corpus/<scale>/run.json`), so that the scales can be run one at a time, each under its own
 * lock, and a scale's run can include sites that others leave out.
 */
if (options.sweep) {
  const saved = options.sweep.map((scale) => {
    const file = join(scaleDirs(scale).root, 'run.json');
    if (!existsSync(file)) {
      console.error(`No saved run at scale ${scale} (${file}): run --scale ${scale} first.`);
      process.exit(1);
    }
    return JSON.parse(readFileSync(file, 'utf8'));
  });
  for (const run of saved) console.log(`Scale ${run.scale}: run ${run.date}, commit ${run.commit}, sites ${Object.keys(run.results).join(', ')}`);
  console.log(`\n${sweepTable(saved)}`);
  const text = growthTable(growth(saved));
  if (text) console.log(`\n${text}`);
  process.exit(0);
}

const stale = options.only.includes('kit') ? staleBuilds() : [];
if (stale.length) {
  console.log(
    `The kit runs from packages/*/dist/, and ${stale.map((name) => `packages/${name}`).join(', ')} changed since it was built: the bench measures the last build. Run \`npm run build:packages\` first to measure the sources.`,
  );
}
const commit = commitDescription();

const runs = [];
for (const scale of options.scales) {
  const dirs = scaleDirs(scale);
  const firstLoad = loadAverages.length;
  await generateCorpus(scale);
  const logFile = join(dirs.root, 'build.log');
  writeFileSync(logFile, '');
  const counts = corpusCounts(scale);
  console.log(
    `\n## Scale ${scale}: ${counts.news} news, ${counts.events} events, ${counts.photos} photos${options.rounds > 1 ? `, ${options.rounds} rounds (figures: the build of median wall time)` : ''}`,
  );
  // Rounds alternate the sites (kit, plain, hugo, kit, …), so that a slower spell of the machine
  // falls on all of them; each figure is then the build of median wall time.
  const rounds = [];
  const failures = {};
  for (let round = 1; round <= options.rounds; round++) {
    if (options.rounds > 1) console.log(`Round ${round} of ${options.rounds}`);
    const roundResults = {};
    for (const name of options.only.filter((site) => !failures[site])) {
      const bench = await benchSite(name, dirs, logFile);
      if (Object.keys(bench.results).length) roundResults[name] = bench.results;
      if (bench.failure) failures[name] = bench.failure;
    }
    rounds.push(roundResults);
  }
  const results = medianResults(rounds);
  const computed = ratios(results);
  console.log(`\n${resultsTable(results)}`);
  console.log(`\nPhases, seconds (average busy cores):\n${phasesTable(results)}`);
  const ratioText = ratiosTable(computed);
  if (ratioText) console.log(`\n${ratioText}`);
  for (const site of Object.keys(results)) {
    console.log(`${site}: nothing changed/cold ${computed.warmOverCold[site]?.toFixed(2)}×, edited/cold ${computed.editOverCold[site]?.toFixed(2)}×`);
  }
  console.log(`\nTargets at scale ${scale} (reported, not asserted):\n${targets(results, computed, scale)}`);
  for (const [site, failure] of Object.entries(failures)) console.log(`${site}: the ${failure.step} build failed; see the log`);
  console.log(`\nBuild logs: ${logFile}`);
  const run = { scale, counts, results, failures, ratios: computed };
  runs.push(run);
  const saved = { date: new Date().toISOString(), commit, staleBuilds: stale, loadAverages: loadAverages.slice(firstLoad), ...run };
  writeFileSync(join(dirs.root, 'run.json'), `${JSON.stringify(saved, null, 2)}\n`);
}

const grown = growth(runs);
if (runs.length > 1) {
  console.log(`\n## Sweep over scales ${options.scales.join(', ')}\n\n${sweepTable(runs)}`);
  const text = growthTable(grown);
  if (text) console.log(`\n${text}`);
}
const machine = {
  cores: os.availableParallelism(),
  memory: os.totalmem(),
  cpu: os.cpus()[0]?.model,
  node: process.version,
  hugo: options.only.includes('hugo') ? execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim() : undefined,
  loadAverages,
};
console.log(`\nMachine: ${machine.cores} cores (${machine.cpu}), ${(machine.memory / 1024 ** 3).toFixed(1)} GB, Node ${machine.node}; commit ${commit}`);
console.log(`Load average at the start of each build: ${loadAverages.map((load) => load.toFixed(1)).join(', ')}`);
if (loadAverages.some((load) => load > machine.cores))
  console.log('Other work competed for the CPU: wall times are inflated; compare CPU s, which suffers less.');

const resultsFile = join(WORK_DIR, 'results.json');
writeFileSync(resultsFile, `${JSON.stringify({ date: new Date().toISOString(), commit, staleBuilds: stale, machine, runs, growth: grown }, null, 2)}\n`);
console.log(`Results: ${resultsFile}`);
