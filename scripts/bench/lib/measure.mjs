import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { REPO_ROOT } from './corpus-layout.mjs';

const ASTRO_BIN = join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs');
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
 * Lines of Astro's log that open each phase: startup (loading the config and integrations) ends
 * at the first line; setup (content sync, types, Vite bundling) ends when static routes start;
 * then page rendering, image generation, and finish (build:done hooks such as the sitemap).
 */
const PHASES = [
  ['setup', /./],
  ['pages', /generating static routes/],
  ['images', /generating optimized images/],
  ['finish', /✓ Completed in/],
];

/**
 * Runs `astro build` in `site` and measures it: wall time, peak RSS of the process tree and CPU
 * time (both polled from /proc), the duration of each phase and the cores it kept busy, the images
 * generated and reused from the cache, and the output. Every line of the log goes to `onLine`.
 */
export function measureBuild(site, { env = {}, onLine = () => {} } = {}) {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [ASTRO_BIN, 'build'], {
      cwd: site,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peakRss = 0;
    let lastCpu = 0;
    const sample = () => {
      const { rss, cpu } = sampleTree(child.pid);
      peakRss = Math.max(peakRss, rss);
      lastCpu = Math.max(lastCpu, cpu);
      return { at: (performance.now() - start) / 1000, cpu: lastCpu };
    };
    const poll = setInterval(sample, POLL_MS);
    const marks = [{ phase: 'startup', at: 0, cpu: 0 }];
    const log = [];
    let pending = '';
    const onData = (chunk) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop();
      for (const line of lines) {
        log.push(line);
        onLine(line);
        const next = PHASES[marks.length - 1];
        if (next && next[1].test(line) && (next[0] !== 'finish' || marks.at(-1).phase === 'images')) {
          marks.push({ phase: next[0], ...sample() });
        }
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const wall = (performance.now() - start) / 1000;
      if (code !== 0) {
        reject(new Error(`astro build failed in ${site} (exit ${code}):\n${log.slice(-30).join('\n')}`));
        return;
      }
      marks.push({ phase: 'end', at: wall, cpu: lastCpu });
      const imageLines = log.filter((line) => line.includes('▶ /'));
      resolvePromise({
        wall,
        peakRss,
        cpu: lastCpu,
        coresUsed: lastCpu / wall,
        phases: phaseFigures(marks),
        images: { total: imageLines.length, reused: imageLines.filter((line) => line.includes('reused cache entry')).length },
        ...measureOutput(join(site, 'dist')),
      });
    });
  });
}

/** Seconds and average busy cores of each phase; a phase that never started lasts 0 s. */
function phaseFigures(marks) {
  const figures = Object.fromEntries(['startup', ...PHASES.map(([phase]) => phase)].map((phase) => [phase, { seconds: 0, cores: 0 }]));
  for (let i = 0; i < marks.length - 1; i++) {
    const seconds = marks[i + 1].at - marks[i].at;
    figures[marks[i].phase] = { seconds, cores: seconds > 0 ? (marks[i + 1].cpu - marks[i].cpu) / seconds : 0 };
  }
  return figures;
}
