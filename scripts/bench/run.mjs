// The build benchmark: a kit site and a plain Astro site built from the same corpus, each cold,
// warm (nothing changed) and after editing one post. Prints figures and ratios kit/plain, and
// writes scripts/bench/.corpus/results.json. See scripts/bench/README.md.
//   npm exec -- node scripts/bench/run.mjs [--scale 0.1] [--only kit|plain]
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs, scaleDirs, WORK_DIR } from './lib/corpus-layout.mjs';
import { measureBuild } from './lib/measure.mjs';
import { ratios, ratiosTable, resultsTable, targets } from './lib/report.mjs';
import { writeKitSite, writePlainSite } from './lib/sites.mjs';
import { generateCorpus } from './generate-corpus.mjs';

const SITES = { kit: writeKitSite, plain: writePlainSite };
/** The 1-minute load average before each build: a busy machine inflates wall times. */
const loadAverages = [];

const options = parseArgs(process.argv.slice(2), { scale: 1, only: 'both' });
if (!(options.scale > 0 && options.scale <= 1)) throw new Error('--scale must be a number in (0, 1]');
if (!['both', ...Object.keys(SITES)].includes(options.only)) throw new Error('--only must be kit or plain');
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`The bench runs Astro 7, which needs Node 22.12 or newer; this is ${process.version}. Run it as: npm exec -- node scripts/bench/run.mjs`);
  process.exit(1);
}

/**
 * Everything a cold build must not find: the output, Astro's generated types and its cache
 * folder (`cacheDir`, by default `<site>/node_modules/.astro`: content data store and optimised
 * images), and Vite's cache next to it. The sites have no real node_modules of their own.
 */
function clearCaches(site) {
  for (const folder of ['dist', '.astro', 'node_modules']) rmSync(join(site, folder), { recursive: true, force: true });
}

/** Appends a paragraph to one post (the first by name), as an editor saving it in the CMS would. */
function editOnePost(site) {
  const folder = join(site, 'src/content/news');
  const file = join(folder, readdirSync(folder).sort()[0]);
  appendFileSync(file, '\nAn update: the date has moved, and we have added a second session in the afternoon.\n');
  return file;
}

async function benchSite(name, dirs, logFile) {
  const site = dirs.sites[name];
  mkdirSync(site, { recursive: true });
  SITES[name](site, dirs.corpus);
  const log = (line) => appendFileSync(logFile, `${line}\n`);
  const results = {};
  const steps = [
    ['cold', () => clearCaches(site)],
    ['warm', () => {}],
    ['edit', () => editOnePost(site)],
  ];
  for (const [step, prepare] of steps) {
    prepare();
    log(`\n===== ${name} ${step} =====`);
    process.stdout.write(`${name} ${step} build… `);
    loadAverages.push(os.loadavg()[0]);
    results[step] = await measureBuild(site, { onLine: log });
    console.log(`${results[step].wall.toFixed(1)} s, ${results[step].pages} pages`);
  }
  return results;
}

const dirs = scaleDirs(options.scale);
await generateCorpus(options.scale);
const logFile = join(dirs.root, 'build.log');
writeFileSync(logFile, '');
const results = {};
for (const name of Object.keys(SITES)) {
  if (options.only === 'both' || options.only === name) results[name] = await benchSite(name, dirs, logFile);
}

const computed = ratios(results);
console.log(`\nScale ${options.scale}: ${readFileSync(join(dirs.corpus, 'corpus.json'), 'utf8')}`);
console.log(`Machine: ${os.availableParallelism()} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB, Node ${process.version}`);
const busy = loadAverages.filter((load) => load > os.availableParallelism());
console.log(`Load average at the start of each build: ${loadAverages.map((load) => load.toFixed(1)).join(', ')}`);
if (busy.length) console.log('Other work competed for the CPU: wall times are inflated; compare CPU s, which suffers less.');
console.log(`\n${resultsTable(results)}`);
const ratioText = ratiosTable(computed);
if (ratioText) console.log(`\n${ratioText}`);
for (const [site, value] of Object.entries(computed.warmOverCold)) {
  console.log(`${site}: warm/cold ${value?.toFixed(2)}×, edit/cold ${computed.editOverCold[site]?.toFixed(2)}×`);
}
console.log(`\nTargets (reported, not asserted):\n${targets(results, computed)}`);
console.log(`\nBuild logs: ${logFile}`);

const resultsFile = join(WORK_DIR, 'results.json');
const report = {
  date: new Date().toISOString(),
  scale: options.scale,
  corpus: JSON.parse(readFileSync(join(dirs.corpus, 'corpus.json'), 'utf8')),
  machine: { cores: os.availableParallelism(), memory: os.totalmem(), node: process.version, loadAverages },
  results,
  ratios: computed,
};
writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
console.log(`Results: ${resultsFile}`);
