// Measuring one run of openoutreach-import (or of the `mariadb` client loading a dump): wall time,
// CPU seconds and peak resident memory of its process tree (from /proc), plus those of a server
// process outside the tree (the benchmark's own MariaDB, for runs against a mysql:// address), and
// the time of every line of its output, from which the phases are read.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { collectLines } from './measure.mjs';

const PAGE_SIZE = 4096;
const CLOCK_TICKS = 100;
const POLL_MS = 50;

/** Every process's /proc/<pid>/stat fields (after its name), and each process's children. */
function readStats() {
  const stats = new Map();
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), fields);
      const ppid = Number(fields[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // the process ended between listing and reading
    }
  }
  return { stats, children };
}

/** CPU seconds (its own and its reaped children's) and resident bytes of process `pid` alone. */
function own({ stats }, pid) {
  const fields = stats.get(pid);
  if (!fields) return { rss: 0, cpu: 0 };
  // Fields after the command name, 0-based: 11 utime, 12 stime, 13 cutime, 14 cstime, 21 rss (pages).
  const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  return { rss: Number(fields[21]) * PAGE_SIZE, cpu: ticks / CLOCK_TICKS };
}

/** The same for `rootPid` and all its descendants. */
function tree(snapshot, rootPid) {
  let rss = 0;
  let cpu = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    const figures = own(snapshot, pid);
    rss += figures.rss;
    cpu += figures.cpu;
    stack.push(...(snapshot.children.get(pid) ?? []));
  }
  return { rss, cpu };
}

/** CPU seconds used so far by process `pid` alone (0 when it is gone). */
export function processCpu(pid) {
  return pid ? own(readStats(), pid).cpu : 0;
}

/**
 * Runs `command args` and measures it. `serverPid`: a process outside the tree that works for it
 * (its CPU time during the run is added to `serverCpu`, its peak memory to `serverPeakRss`).
 * `input`: a file fed to its standard input. Resolves `{ code, wall, cpu, peakRss, serverCpu,
 * serverPeakRss, lines: { text, at, cpu }[] }`.
 */
export function measureRun(command, args, { cwd, env = {}, serverPid, stdin = 'ignore', onLine = () => {} } = {}) {
  return new Promise((resolvePromise, reject) => {
    const serverCpuBefore = processCpu(serverPid);
    const start = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: [stdin, 'pipe', 'pipe'] });
    let peakRss = 0;
    let serverPeakRss = 0;
    let lastCpu = 0;
    const poll = () => {
      const snapshot = readStats();
      const { rss, cpu } = tree(snapshot, child.pid);
      peakRss = Math.max(peakRss, rss);
      lastCpu = Math.max(lastCpu, cpu);
      if (serverPid) serverPeakRss = Math.max(serverPeakRss, own(snapshot, serverPid).rss);
    };
    const timer = setInterval(poll, POLL_MS);
    const lines = collectLines(child, start, () => lastCpu, onLine);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    // CPU time up to the last poll (at most 50 ms before the exit): once reaped, it is gone from /proc.
    child.on('close', (code) => {
      clearInterval(timer);
      const wall = (performance.now() - start) / 1000;
      const serverCpu = serverPid ? processCpu(serverPid) - serverCpuBefore : 0;
      resolvePromise({ code, wall, cpu: lastCpu, peakRss, serverCpu, serverPeakRss, lines });
    });
  });
}

/**
 * The import's phases from its progress lines: each phase ends at the last line of its step
 * (`  nodes: 5000/5000`, `Planning the site…`, …). Returns `[{ name, wall, cpu }]` in order;
 * the first phase is the start of Node and the package, the last the summary and exit.
 */
export function importPhases(lines, wall, cpu) {
  // What each step's phase holds (the reader's steps, in its order; see packages/import-drupal/src/read/index.ts).
  const names = {
    start: 'start: Node, the package',
    'load dump': 'load dump: a private MariaDB, mariadb < dump',
    settings: 'connect, recognise, settings',
    files: 'fields, files',
    terms: 'terms',
    nodes: 'nodes',
    people: 'aliases, people',
    menus: 'menus',
  };
  const stepOf = (text) => {
    if (text.startsWith('Reading the Drupal site')) return names.start;
    const progress = /^ {2}([^:]+): \d+\/\d+$/.exec(text);
    if (progress) return names[progress[1]] ?? progress[1];
    if (text.startsWith('Planning the site')) return 'not imported, close (drop a loaded dump)';
    if (text.startsWith('Writing ')) return 'plan';
    if (text.startsWith('Imported ')) return 'write';
    return undefined;
  };
  const ends = [];
  for (const line of lines) {
    const step = stepOf(line.text);
    if (!step) continue;
    const last = ends.at(-1);
    if (last?.name === step) Object.assign(last, { at: line.at, cpu: line.cpu });
    else ends.push({ name: step, at: line.at, cpu: line.cpu });
  }
  ends.push({ name: 'report, exit', at: wall, cpu });
  let previous = { at: 0, cpu: 0 };
  return ends.map((end) => {
    const phase = { name: end.name, wall: end.at - previous.at, cpu: Math.max(0, end.cpu - previous.cpu) };
    previous = end;
    return phase;
  });
}
