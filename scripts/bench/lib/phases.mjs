/**
 * The phases of a build: from Astro's log lines, and from the kit's timings file (interface
 * I-1: with `OPENOUTREACH_TIMINGS=<file>`, the integration appends a line
 * `{"phase":"checks","start":<ms>,"end":<ms>}` per phase it runs).
 */

/**
 * The phases read from Astro's log, in the order they come: `startup` (config and integrations)
 * until the first line; `sync` (content sync) between "Syncing content" and "Synced content";
 * `setup` (types, Vite bundling) until the static routes; `pages`; `images`; `after` (the
 * build:done hooks: the kit's link check and search index, the sitemap) from the build's
 * "Completed" line after the images.
 */
export const ASTRO_PHASES = ['startup', 'sync', 'setup', 'pages', 'images', 'after'];

const STARTS = [
  ['sync', /\[content\] Syncing content/],
  ['setup', /\[content\] Synced content/],
  ['pages', /generating static routes/],
  ['images', /generating optimized images/],
  ['after', /\[build\] ✓ Completed in/],
];

/**
 * Where each phase begins, from the log's lines (`{ text, at, cpu }`, seconds since the start):
 * `[{ phase, at, cpu }]`. Each start line counts once; "after" only once the pages have begun
 * (Astro prints the same "Completed" line after collecting build info).
 */
export function astroPhaseMarks(lines) {
  const marks = [{ phase: 'startup', at: 0, cpu: 0 }];
  const seen = new Set();
  for (const line of lines) {
    if (!line.text.trim()) continue;
    if (marks.length === 1) marks.push({ phase: 'setup', at: line.at, cpu: line.cpu });
    const start = STARTS.find(([phase, pattern]) => !seen.has(phase) && pattern.test(line.text));
    if (!start || (start[0] === 'after' && !seen.has('pages'))) continue;
    seen.add(start[0]);
    marks.push({ phase: start[0], at: line.at, cpu: line.cpu });
  }
  return marks;
}

/**
 * Seconds and average busy cores of each phase, from its marks to the next and the last to the
 * end (`wall`, `cpu`). A phase that never started lasts 0 s; one that comes twice adds up.
 */
export function phaseSeconds(marks, wall, cpu) {
  const figures = Object.fromEntries(ASTRO_PHASES.map((phase) => [phase, { seconds: 0, cpu: 0 }]));
  const ends = [...marks.slice(1), { at: wall, cpu }];
  marks.forEach((mark, i) => {
    const figure = (figures[mark.phase] ??= { seconds: 0, cpu: 0 });
    figure.seconds += Math.max(0, ends[i].at - mark.at);
    figure.cpu += Math.max(0, ends[i].cpu - mark.cpu);
  });
  for (const figure of Object.values(figures)) figure.cores = figure.seconds > 0 ? figure.cpu / figure.seconds : 0;
  return figures;
}

/**
 * Seconds per phase from the kit's timings file (`phases`, in the order the phases first
 * appear; a phase logged more than once adds up), and how many lines were not a phase record
 * (`ignored`: a line cut short by a crash, or another format).
 */
export function readTimings(text) {
  const phases = {};
  let ignored = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let record;
    try {
      record = JSON.parse(line);
    } catch {
      ignored++;
      continue;
    }
    const { phase, start, end } = record ?? {};
    if (typeof phase !== 'string' || !Number.isFinite(start) || !Number.isFinite(end) || end < start) {
      ignored++;
      continue;
    }
    phases[phase] = (phases[phase] ?? 0) + (end - start) / 1000;
  }
  return { phases, ignored };
}
