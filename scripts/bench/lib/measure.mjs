import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { REPO_ROOT } from './corpus-layout.mjs';
import { astroPhaseMarks, phaseSeconds, readTimings } from './phases.mjs';

const ASTRO_BIN = join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs');
export const HUGO_BIN = process.env.HUGO_BIN ?? '/usr/bin/hugo';
/**
 * The kit's build clock (scheduled posts, upcoming events): fixed, so that the same corpus gives
 * the same pages whatever the day. After the corpus's last post (June 2026): everything is out.
 */
export const BUILD_DATE = '2026-07-01';
const PAGE_SIZE = 4096;
const CLOCK_TICKS = 100;
const POLL_MS = 50;
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif']);

/**
 * Resident memory (bytes) and CPU time (seconds) of `rootPid` and all its descendants, read from
 * /proc. CPU time includes children that have already ended (cutime, cstime).
 */
function sampleTree(rootPid) {
  const children = new Map();
  const stats = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      stats.set(Number(name), fields);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // the process ended between listing and reading
    }
  }
  let rss = 0;
  let ticks = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    const fields = stats.get(pid);
    if (fields) {
      // Fields after the command name, 0-based: 11 utime, 12 stime, 13 cutime, 14 cstime, 21 rss (pages).
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      rss += Number(fields[21]) * PAGE_SIZE;
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { rss, cpu: ticks / CLOCK_TICKS };
}

/** Total bytes, bytes of images and number of HTML pages under `folder`. */
export function measureOutput(folder) {
  const output = { bytes: 0, imageBytes: 0, pages: 0 };
  if (!existsSync(folder)) return output;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const size = statSync(join(entry.parentPath, entry.name)).size;
    output.bytes += size;
    if (IMAGE_EXTENSIONS.has(extname(entry.name))) output.imageBytes += size;
    if (entry.name.endsWith('.html')) output.pages++;
  }
  return output;
}

/**
 * The lines `child` writes (stdout and stderr), each `{ text, at, cpu }`: seconds since `start`
 * and the CPU time of the last poll (`cpuNow()`; reading /proc for every line would load the
 * machine). Every line also goes to `onLine`. Call it before listening for the child's 'close'.
 */
export function collectLines(child, start, cpuNow, onLine) {
  const lines = [];
  let pending = '';
  const onData = (chunk) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop();
    const at = (performance.now() - start) / 1000;
    for (const text of parts) {
      lines.push({ text, at, cpu: cpuNow() });
      onLine(text);
    }
  };
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);
  // A last line without its newline (registered first, so it is in before the caller's 'close').
  child.on('close', () => {
    if (pending) lines.push({ text: pending, at: (performance.now() - start) / 1000, cpu: cpuNow() });
  });
  return lines;
}

/**
 * Runs `command` in `cwd` and measures it: wall time, peak RSS of the process tree and CPU time
 * (both polled from /proc), and the time and CPU time at which each line of its log came
 * (`lines`: `{ text, at, cpu }`). Every line also goes to `onLine`.
 */
function runMeasured(command, args, { cwd, env = {}, onLine = () => {} }) {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peakRss = 0;
    let lastCpu = 0;
    const sample = () => {
      const { rss, cpu } = sampleTree(child.pid);
      peakRss = Math.max(peakRss, rss);
      lastCpu = Math.max(lastCpu, cpu);
    };
    const poll = setInterval(sample, POLL_MS);
    const lines = collectLines(child, start, () => lastCpu, onLine);
    child.on('error', (error) => {
      clearInterval(poll);
      reject(error.code === 'ENOENT' ? new Error(`${command} is not installed (Debian: apt-get install ${command.split('/').pop()})`) : error);
    });
    child.on('close', (code) => {
      clearInterval(poll);
      const wall = (performance.now() - start) / 1000;
      if (code !== 0) {
        reject(
          new Error(
            `${command} ${args.join(' ')} failed in ${cwd} (exit ${code}):\n${lines
              .slice(-30)
              .map((line) => line.text)
              .join('\n')}`,
          ),
        );
        return;
      }
      resolvePromise({ wall, peakRss, cpu: lastCpu, coresUsed: lastCpu / wall, lines });
    });
  });
}

/**
 * Runs `astro build` in `site` and measures it: the figures of `runMeasured`, the phases read
 * from Astro's log, the kit's own phases from its timings file (OPENOUTREACH_TIMINGS, ignored
 * by a site without the kit), the images generated and reused from the cache, and the output.
 */
export async function measureAstroBuild(site, { onLine } = {}) {
  const timingsFile = join(site, 'timings.jsonl');
  rmSync(timingsFile, { force: true });
  const env = { OPENOUTREACH_TIMINGS: timingsFile, OPENOUTREACH_BUILD_DATE: BUILD_DATE };
  const run = await runMeasured(process.execPath, [ASTRO_BIN, 'build'], { cwd: site, env, onLine });
  const imageLines = run.lines.filter((line) => line.text.includes('▶ /'));
  const timings = readTimings(existsSync(timingsFile) ? readFileSync(timingsFile, 'utf8') : '');
  return {
    wall: run.wall,
    peakRss: run.peakRss,
    cpu: run.cpu,
    coresUsed: run.coresUsed,
    phases: phaseSeconds(astroPhaseMarks(run.lines), run.wall, run.cpu),
    kitPhases: timings.phases,
    kitTimingsIgnored: timings.ignored,
    images: { total: imageLines.length, reused: imageLines.filter((line) => line.text.includes('reused cache entry')).length },
    // Astro's log ends a page copied from the last build with "(restored)" or "(cached)", at times on one line with the next page.
    pagesReused: run.lines.reduce((count, line) => count + (line.text.match(/\((?:restored|cached)\)/g)?.length ?? 0), 0),
    ...measureOutput(join(site, 'dist')),
  };
}

/**
 * Runs `hugo` in `site` and measures it like an Astro build. Hugo logs no phases: its whole
 * build is one. A cold build starts without `public/`, `resources/` (Hugo's processed images)
 * or its cache folder, and with `--ignoreCache`.
 */
export async function measureHugoBuild(site, { cold = false, onLine } = {}) {
  const cacheDir = join(site, '.hugo-cache');
  if (cold) for (const folder of ['public', 'resources', cacheDir]) rmSync(join(site, folder), { recursive: true, force: true });
  const args = ['--cacheDir', cacheDir, ...(cold ? ['--ignoreCache'] : [])];
  const run = await runMeasured(HUGO_BIN, args, { cwd: site, onLine });
  const processed = run.lines.map((line) => /Processed images\s*\|\s*(\d+)/.exec(line.text)).find(Boolean);
  return {
    wall: run.wall,
    peakRss: run.peakRss,
    cpu: run.cpu,
    coresUsed: run.coresUsed,
    phases: {},
    kitPhases: {},
    images: { total: processed ? Number(processed[1]) : 0, reused: undefined },
    ...measureOutput(join(site, 'public')),
  };
}
