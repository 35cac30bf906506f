// The Drupal import benchmark (issue 15's target: an import of 5,000 nodes with 500 images in
// under two minutes on 2 cores). It grows the Drupal 7 fixture site to 5,000 nodes of its types
// with 500 photos, loads the dump into a private MariaDB (the baseline: `mariadb < dump.sql`), and
// times the built `openoutreach-import` into copies of the starter: from the dump file, from the
// mysql:// address, and again with nothing changed.
//   npm exec -- node scripts/bench/import-drupal.mjs [--scale 0.1]
// Build the packages first (npm run build:packages). Work files: scripts/bench/.corpus/import-drupal/.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, WORK_DIR } from './lib/corpus-layout.mjs';
import { importCorpusSql, importCounts, writePhotos } from './lib/import-corpus.mjs';
import { importPhases, measureRun } from './lib/import-measure.mjs';

const BIN = join(REPO_ROOT, 'packages/import-drupal/bin/openoutreach-import.mjs');
const BUILT = join(REPO_ROOT, 'packages/import-drupal/dist');
const FIXTURE = join(REPO_ROOT, 'tests/fixtures/drupal7');
const OLD_URL = 'http://riverside-tenants.example';
const TARGET = { nodes: 5000, images: 500, seconds: 120 };
const CORPUS_SOURCES = [
  'scripts/bench/lib/import-corpus.mjs',
  'tests/fixtures/drupal7/lib/site.mjs',
  'tests/fixtures/drupal7/lib/dump.mjs',
  'tests/fixtures/drupal7/lib/schema.mjs',
];

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, 'corpus-only': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log('Usage: npm exec -- node scripts/bench/import-drupal.mjs [--scale 0.1] [--corpus-only]   (scale 1 = 5,000 nodes with 500 images)');
  process.exit(0);
}
const scale = Number(values.scale);
if (!(scale > 0 && scale <= 10)) {
  console.error(`--scale ${values.scale} is not a scale: give a number above 0 and at most 10, e.g. 0.1 (500 nodes with 50 images) or 1 (5,000 with 500).`);
  process.exit(2);
}
const counts = importCounts(scale);
const dir = join(WORK_DIR, 'import-drupal', `scale-${scale}`);
const dumpFile = join(dir, 'drupal.sql');
const filesDir = join(dir, 'files');

const seconds = (value) => value.toFixed(1);
const megabytes = (bytes) => String(Math.round(bytes / 1024 / 1024));
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
function commit() {
  const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'packages/import-drupal'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim();
  return `${result.stdout.trim()}${dirty ? ' (packages/import-drupal has uncommitted changes)' : ''}`;
}

/**
 * The corpus: made once per scale, made again when its generator or the fixture's code changes.
 * Returns what the dump holds: `{ nodes, published, files, bytes }`.
 */
async function corpus() {
  const stamp = createHash('sha256')
    .update(JSON.stringify(counts))
    .update(CORPUS_SOURCES.map((path) => readFileSync(join(REPO_ROOT, path), 'utf8')).join('\0'))
    .digest('hex');
  const stampFile = join(dir, 'corpus.json');
  if (existsSync(stampFile) && existsSync(dumpFile)) {
    const made = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (made.stamp === stamp) return made;
  }
  const started = performance.now();
  console.log(`Making the Drupal site: ${counts.nodes} nodes, ${counts.images} photos…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { sql, photos, nodes, published, files } = importCorpusSql(counts);
  writeFileSync(dumpFile, sql);
  cpSync(join(FIXTURE, 'files'), filesDir, { recursive: true });
  await writePhotos(filesDir, photos);
  const made = { stamp, nodes, published, files, bytes: Buffer.byteLength(sql) };
  writeFileSync(stampFile, `${JSON.stringify(made, null, 2)}\n`);
  console.log(`  ${dumpFile}: ${megabytes(made.bytes)} MB, in ${seconds((performance.now() - started) / 1000)} s`);
  return made;
}

/** The process id of the private MariaDB (from its pid file, which may come a moment after its socket). */
async function serverPidOf(server) {
  const pidFile = join(server.socket, '../mariadb.pid');
  for (let attempt = 0; attempt < 100 && !existsSync(pidFile); attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!existsSync(pidFile)) throw new Error(`The private MariaDB wrote no ${pidFile}: its CPU time cannot be measured.`);
  return Number(readFileSync(pidFile, 'utf8').trim());
}

/** A fresh copy of the starter (its source only) at `target`. */
function starterCopy(target) {
  rmSync(target, { recursive: true, force: true });
  cpSync(join(REPO_ROOT, 'starter'), target, { recursive: true, filter: (source) => !/[/\\](node_modules|dist|\.astro)$/.test(source) });
  return target;
}

/** Runs the import of `database` into `site` and measures it. */
async function timeImport(name, database, site, serverPid) {
  console.log(`\n${name}: openoutreach-import ${database.startsWith('mysql:') ? 'mysql://…' : database} --site ${site}`);
  const args = [BIN, database, '--files', filesDir, '--site', site, '--replace-content', '--old-url', OLD_URL];
  const run = await measureRun(process.execPath, args, { cwd: dir, serverPid, onLine: (line) => console.log(`  | ${line}`) });
  if (run.code !== 0) throw new Error(`${name}: openoutreach-import failed (exit ${run.code}); its output is above.`);
  const wrote = run.lines.map((line) => /^Wrote (\d+) file\(s\), left (\d+) unchanged/.exec(line.text)).find(Boolean);
  return {
    name,
    wall: run.wall,
    cpu: run.cpu,
    serverCpu: run.serverCpu,
    peakRss: run.peakRss,
    serverPeakRss: run.serverPeakRss,
    written: wrote ? Number(wrote[1]) : undefined,
    unchanged: wrote ? Number(wrote[2]) : undefined,
    summary: run.lines.find((line) => line.text.startsWith('Imported '))?.text,
    phases: importPhases(run.lines, run.wall, run.cpu),
  };
}

function table(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => String(row[column]).length)));
  const line = (row) => `| ${row.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

if (!existsSync(join(BUILT, 'cli.js'))) {
  console.error('packages/import-drupal is not built: run `npm run build:packages` first.');
  process.exit(2);
}
const { startPrivateMariaDb } = await import(join(BUILT, 'read/private-server.js'));
const loadBefore = load();
const made = await corpus();
if (values['corpus-only']) process.exit(0);
const server = await startPrivateMariaDb();
const results = [];
let baseline;
try {
  const serverPid = await serverPidOf(server);
  const client = ['--no-defaults', `--socket=${server.socket}`, '--user=root'];
  const created = spawnSync('mariadb', [...client, '-e', 'CREATE DATABASE drupal CHARACTER SET utf8mb4'], { encoding: 'utf8' });
  if (created.status !== 0) throw new Error(`mariadb could not create the database: ${created.stderr}`);
  console.log(`\nBaseline: mariadb < ${dumpFile}`);
  const input = openSync(dumpFile, 'r');
  try {
    const loaded = await measureRun('mariadb', [...client, '--max-allowed-packet=1G', '--default-character-set=utf8mb4', 'drupal'], {
      stdin: input,
      serverPid,
    });
    if (loaded.code !== 0) throw new Error(`mariadb could not load the dump: ${loaded.lines.map((line) => line.text).join('\n')}`);
    baseline = {
      name: 'mariadb loads the dump',
      wall: loaded.wall,
      cpu: loaded.cpu,
      serverCpu: loaded.serverCpu,
      peakRss: loaded.peakRss,
      serverPeakRss: loaded.serverPeakRss,
    };
  } finally {
    closeSync(input);
  }
  const url = `mysql://root@localhost/drupal?socket=${encodeURIComponent(server.socket)}`;
  const site = starterCopy(join(dir, 'site'));
  results.push(await timeImport('from the dump file, into a new site', dumpFile, site, undefined));
  results.push(await timeImport('from mysql://, into a new site', url, starterCopy(join(dir, 'site-from-url')), serverPid));
  results.push(await timeImport('again from mysql://, nothing changed', url, site, serverPid));
} finally {
  await server.stop();
}
const loadAfter = load();

const atTarget = counts.nodes >= TARGET.nodes && counts.images >= TARGET.images;
const verdict = (run) => (atTarget ? (run.wall < TARGET.seconds ? 'met' : 'missed') : 'n/a (scale < 1)');
const rows = [baseline, ...results].map((run) => [
  run.name,
  seconds(run.wall),
  `${seconds(run.cpu)}${run.serverCpu ? ` + ${seconds(run.serverCpu)} db` : ''}`,
  ((run.cpu + run.serverCpu) / run.wall).toFixed(2),
  `${megabytes(run.peakRss)}${run.serverPeakRss ? ` + ${megabytes(run.serverPeakRss)} db` : ''}`,
  run.written === undefined ? '' : `${run.written} / ${run.unchanged}`,
  run === baseline ? '1.00' : (run.wall / baseline.wall).toFixed(2),
  run === baseline ? '' : verdict(run),
]);
console.log(
  `\nDrupal import at scale ${scale}: ${made.nodes} nodes (${made.published} published), ${counts.images} photos and ${made.files - counts.images} other files (the fixture's), a ${megabytes(made.bytes)} MB dump; ${cpus().length} cores; commit ${commit()}`,
);
console.log(`Load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after.\n`);
console.log(
  table(['run', 'wall s', 'CPU s', 'cores used', 'peak RSS MB', 'files written / unchanged', '× mariadb load', `target < ${TARGET.seconds} s`], rows),
);
console.log(`\n${results[0].summary ?? ''}`);
const phaseNames = [...new Set(results.flatMap((run) => run.phases.map((phase) => phase.name)))];
console.log('\nPhases (wall s / CPU s; each ends at the last progress line of its step):\n');
console.log(
  table(
    ['phase', ...results.map((_, index) => `run ${index + 1}`)],
    phaseNames.map((name) => [
      name,
      ...results.map((run) => {
        const phase = run.phases.find((candidate) => candidate.name === name);
        return phase ? `${seconds(phase.wall)} / ${seconds(phase.cpu)}` : '';
      }),
    ]),
  ),
);
const unchangedRun = results[2];
console.log(
  `\nSecond run: ${unchangedRun.written === 0 ? 'no change (0 files written)' : `CHANGED ${unchangedRun.written} file(s): the import is not idempotent, or the dump and mysql:// imports differ`}.`,
);
if (atTarget) {
  const met = results.slice(0, 2).every((run) => run.wall < TARGET.seconds);
  console.log(`Target (${TARGET.nodes} nodes with ${TARGET.images} images in under ${TARGET.seconds} s on 2 cores): ${met ? 'met' : 'missed'}.`);
}
writeFileSync(
  join(dir, 'run.json'),
  `${JSON.stringify({ scale, counts, corpus: made, commit: commit(), cores: cpus().length, load: { before: loadBefore, after: loadAfter }, baseline, results }, null, 2)}\n`,
);
