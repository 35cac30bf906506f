/** Bench results as plain-text tables: figures, phases, ratios, the targets and the scale sweep. */
import { ASTRO_PHASES } from './phases.mjs';

const MB = 1024 * 1024;
const GB = 1024 * MB;

const seconds = (value) => (value === undefined ? '–' : value.toFixed(1));

/** The builds of each site, in order, and how the report names them in rows and in columns. */
export const STEPS = { cold: 'cold', warm: 'nothing changed', edit: 'one post edited' };
const SHORT_STEPS = { cold: 'cold', warm: 'unchanged', edit: 'edited' };

/** The figures of a build shown in the results table, each with how to format it. */
export const FIGURES = {
  wall: {
    label: 'wall s',
    format: (r) => (r.walls?.length > 1 ? `${seconds(r.wall)} (${seconds(Math.min(...r.walls))}–${seconds(Math.max(...r.walls))})` : seconds(r.wall)),
  },
  cpu: { label: 'CPU s', format: (r) => seconds(r.cpu) },
  cores: { label: 'cores', format: (r) => r.coresUsed.toFixed(2) },
  peakRss: { label: 'peak RSS MB', format: (r) => (r.peakRss / MB).toFixed(0) },
  images: { label: 'images (cached)', format: (r) => `${r.images.total} (${r.images.reused ?? '–'})` },
  imageBytes: { label: 'img MB', format: (r) => (r.imageBytes / MB).toFixed(1) },
  bytes: { label: 'dist MB', format: (r) => (r.bytes / MB).toFixed(1) },
  // Pages an Astro build copied from its last build (incremental build) instead of rendering.
  pages: { label: 'pages (reused)', format: (r) => (r.pagesReused === undefined ? String(r.pages) : `${r.pages} (${r.pagesReused})`) },
};

/** The numeric value of each figure compared between sites. */
const VALUES = {
  wall: (r) => r.wall,
  cpu: (r) => r.cpu,
  cores: (r) => r.coresUsed,
  peakRss: (r) => r.peakRss,
  imageBytes: (r) => r.imageBytes,
  bytes: (r) => r.bytes,
  pages: (r) => r.pages,
};

/** The kit's own phases (interface I-1) shown first, in this order; any other phase follows. */
const KIT_PHASES = ['content', 'checks', 'link-check', 'search-index'];

/**
 * The build of median wall time among the same build's rounds (the lower of the two middle ones
 * for an even count), with every round's wall and CPU time (`walls`, `cpus`).
 */
export function medianBuild(rounds) {
  const sorted = [...rounds].sort((a, b) => a.wall - b.wall);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], walls: rounds.map((r) => r.wall), cpus: rounds.map((r) => r.cpu) };
}

/** Each site's builds over several rounds (`[{ site: { step: result } }]`), as the median build of each. */
export function medianResults(rounds) {
  const out = {};
  for (const round of rounds) {
    for (const [site, steps] of Object.entries(round)) {
      for (const [step, result] of Object.entries(steps)) ((out[site] ??= {})[step] ??= []).push(result);
    }
  }
  for (const steps of Object.values(out)) for (const step of Object.keys(steps)) steps[step] = medianBuild(steps[step]);
  return out;
}

export function table(header, rows) {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

const buildName = (site, step) => `${site} ${STEPS[step] ?? step}`;

/** One row per site and build, with every figure. */
export function resultsTable(results) {
  const rows = [];
  for (const [site, steps] of Object.entries(results)) {
    for (const [step, result] of Object.entries(steps)) {
      rows.push([buildName(site, step), ...Object.values(FIGURES).map((figure) => figure.format(result))]);
    }
  }
  return table(['build', ...Object.values(FIGURES).map((figure) => figure.label)], rows);
}

/** A kit phase shorter than this in every build is added into the column "kit other". */
const MINOR_PHASE_SECONDS = 0.05;

/**
 * The kit phases that any build reported, known ones first, then others that took at least
 * MINOR_PHASE_SECONDS in some build (`names`); the rest are `minor`, shown together.
 */
export function kitPhaseNames(results) {
  const longest = new Map();
  for (const steps of Object.values(results))
    for (const result of Object.values(steps))
      for (const [phase, seconds] of Object.entries(result.kitPhases ?? {})) longest.set(phase, Math.max(longest.get(phase) ?? 0, seconds));
  const others = [...longest.keys()].filter((phase) => !KIT_PHASES.includes(phase));
  return {
    names: [...KIT_PHASES.filter((phase) => longest.has(phase)), ...others.filter((phase) => longest.get(phase) >= MINOR_PHASE_SECONDS)],
    minor: others.filter((phase) => longest.get(phase) < MINOR_PHASE_SECONDS),
  };
}

/**
 * Seconds per phase of each Astro build: the phases of Astro's log with the cores each kept
 * busy, then the kit's own phases (which fall inside the log's: content and checks in startup or
 * setup, link check and search index in "after"). Hugo logs no phases: its rows are left out.
 */
export function phasesTable(results) {
  const { names: kitPhases, minor } = kitPhaseNames(results);
  const minorSeconds = (result) => {
    if (!minor.length) return [];
    const measured = minor.filter((phase) => result.kitPhases?.[phase] !== undefined);
    return [measured.length ? seconds(measured.reduce((sum, phase) => sum + result.kitPhases[phase], 0)) : '–'];
  };
  const rows = [];
  for (const [site, steps] of Object.entries(results)) {
    for (const [step, result] of Object.entries(steps)) {
      if (!Object.keys(result.phases ?? {}).length && !Object.keys(result.kitPhases ?? {}).length) continue;
      const astro = ASTRO_PHASES.map((phase) => {
        const figure = result.phases?.[phase];
        return figure ? `${seconds(figure.seconds)} (${figure.cores.toFixed(1)})` : '–';
      });
      rows.push([buildName(site, step), ...astro, ...kitPhases.map((phase) => seconds(result.kitPhases?.[phase])), ...minorSeconds(result)]);
    }
  }
  const header = ['build: s (cores)', ...ASTRO_PHASES, ...kitPhases.map((phase) => `kit ${phase}`), ...(minor.length ? ['kit other'] : [])];
  const note = minor.length ? `\nkit other: ${minor.join(', ')} (each under ${MINOR_PHASE_SECONDS} s)` : '';
  return table(header, rows) + note;
}

export const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? undefined : a / b);
export const formatRatio = (value) => (value === undefined ? '–' : `${value.toFixed(2)}×`);

/**
 * Ratios of each figure and build: kit/plain and kit/hugo (`kitOver[site][step][figure]`), and
 * each site's nothing-changed/cold and edited/cold, on wall time and on CPU time.
 */
export function ratios(results) {
  const out = { kitOver: {}, warmOverCold: {}, editOverCold: {}, warmOverColdCpu: {}, editOverColdCpu: {} };
  const { kit } = results;
  for (const [site, steps] of Object.entries(results)) {
    if (site !== 'kit' && kit) {
      out.kitOver[site] = {};
      for (const step of Object.keys(kit)) {
        if (!steps[step]) continue;
        out.kitOver[site][step] = Object.fromEntries(Object.entries(VALUES).map(([name, value]) => [name, ratio(value(kit[step]), value(steps[step]))]));
      }
    }
    out.warmOverCold[site] = ratio(steps.warm?.wall, steps.cold?.wall);
    out.editOverCold[site] = ratio(steps.edit?.wall, steps.cold?.wall);
    out.warmOverColdCpu[site] = ratio(steps.warm?.cpu, steps.cold?.cpu);
    out.editOverColdCpu[site] = ratio(steps.edit?.cpu, steps.cold?.cpu);
  }
  return out;
}

/** kit/plain and kit/hugo side by side, one column per build. */
export function ratiosTable(computed) {
  const columns = Object.entries(computed.kitOver).flatMap(([site, steps]) => Object.keys(steps).map((step) => [site, step]));
  if (!columns.length) return '';
  const rows = Object.keys(VALUES).map((name) => [FIGURES[name].label, ...columns.map(([site, step]) => formatRatio(computed.kitOver[site][step][name]))]);
  return table(['kit / …', ...columns.map(([site, step]) => `/${site} ${SHORT_STEPS[step] ?? step}`)], rows);
}

/** Peak RSS of a site over its builds. */
const sitePeak = (steps) => Math.max(...Object.values(steps).map((r) => r.peakRss));

const MARKS = { true: 'met', false: 'MISSED', undefined: 'not measured' };
const verdict = (value, limit) => MARKS[value === undefined ? undefined : value <= limit];

/**
 * The targets against this run, each with its figure and met, MISSED or not measured:
 * kit cold ≤ 2× Hugo cold; kit edit ≤ 0.3× and nothing changed ≤ 0.2× the kit's cold build;
 * peak memory ≤ 800 MB at 1,000 posts (scale 1). Judged on wall time, with CPU time beside it.
 */
export function targets(results, computed, scale) {
  const kit = results.kit;
  const rows = [];
  const overHugo = computed.kitOver.hugo?.cold;
  rows.push(['kit cold ≤ 2× Hugo cold', formatRatio(overHugo?.wall), formatRatio(overHugo?.cpu), verdict(overHugo?.wall, 2)]);
  rows.push([
    'kit one post edited ≤ 0.3× kit cold',
    formatRatio(computed.editOverCold.kit),
    formatRatio(computed.editOverColdCpu.kit),
    verdict(computed.editOverCold.kit, 0.3),
  ]);
  rows.push([
    'kit nothing changed ≤ 0.2× kit cold',
    formatRatio(computed.warmOverCold.kit),
    formatRatio(computed.warmOverColdCpu.kit),
    verdict(computed.warmOverCold.kit, 0.2),
  ]);
  const peak = kit && Object.keys(kit).length ? sitePeak(kit) : undefined;
  const peakText = peak === undefined ? '–' : `${(peak / MB).toFixed(0)} MB`;
  if (scale === 1) rows.push(['kit peak memory ≤ 800 MB at 1,000 posts', peakText, '', verdict(peak, 800 * MB)]);
  else rows.push([`kit peak memory ≤ 800 MB at 1,000 posts`, `${peakText} at scale ${scale}`, '', MARKS.undefined]);
  return table(['target', 'wall', 'CPU', ''], rows);
}

/**
 * One row per scale and site of a sweep (`runs`: `[{ scale, counts, results }]`): posts, each
 * build's wall time, cold CPU time and peak memory.
 */
export function sweepTable(runs) {
  const rows = [];
  for (const { scale, counts, results } of runs) {
    for (const [site, steps] of Object.entries(results)) {
      rows.push([
        `${scale}× ${site}`,
        String(counts.news + counts.events),
        ...Object.keys(STEPS).map((step) => seconds(steps[step]?.wall)),
        seconds(steps.cold?.cpu),
        (sitePeak(steps) / MB).toFixed(0),
      ]);
    }
  }
  return table(['scale site', 'posts', ...Object.keys(STEPS).map((step) => `${step} s`), 'cold CPU s', 'peak RSS MB'], rows);
}

/**
 * How each site's cold build grows from the smallest scale of a sweep to the largest: time and
 * CPU ratios against the ratio of posts ("no faster than the post count" is time ratio ≤ posts
 * ratio), and the kit's targets at 5,000 posts: under 2 GB, time growing no faster than the posts.
 */
export function growth(runs) {
  if (runs.length < 2) return { rows: [], targets: [] };
  const sorted = [...runs].sort((a, b) => a.scale - b.scale);
  const [small, large] = [sorted[0], sorted.at(-1)];
  const posts = (run) => run.counts.news + run.counts.events;
  const postsRatio = posts(large) / posts(small);
  const rows = [];
  for (const site of Object.keys(large.results)) {
    const [a, b] = [small.results[site]?.cold, large.results[site]?.cold];
    if (!a || !b) continue;
    rows.push({
      site,
      from: small.scale,
      to: large.scale,
      postsRatio,
      time: ratio(b.wall, a.wall),
      cpu: ratio(b.cpu, a.cpu),
      memory: ratio(sitePeak(large.results[site]), sitePeak(small.results[site])),
    });
  }
  const targetRows = [];
  const one = runs.find((run) => run.scale === 1);
  const five = runs.find((run) => run.scale === 5);
  const fiveFailed = five?.failures?.kit;
  if (fiveFailed) targetRows.push(['kit at 5,000 posts under 2 GB', `the ${fiveFailed.step} build failed`, MARKS.false]);
  else if (five?.results.kit?.cold) {
    const peak = sitePeak(five.results.kit);
    targetRows.push(['kit at 5,000 posts under 2 GB', `${(peak / MB).toFixed(0)} MB`, MARKS[peak < 2 * GB]]);
    if (one?.results.kit?.cold) {
      const grown = ratio(five.results.kit.cold.wall, one.results.kit.cold.wall);
      targetRows.push(['kit cold time(5×) / time(1×) ≤ 5', formatRatio(grown), verdict(grown, 5)]);
    }
  }
  return { rows, targets: targetRows };
}

export function growthTable({ rows, targets: targetRows }) {
  const lines = [];
  if (rows.length) {
    lines.push(
      table(
        ['cold build growth', 'posts', 'wall', 'CPU', 'peak RSS'],
        rows.map((row) => [
          `${row.site} ${row.from}× → ${row.to}×`,
          formatRatio(row.postsRatio),
          formatRatio(row.time),
          formatRatio(row.cpu),
          formatRatio(row.memory),
        ]),
      ),
    );
  }
  if (targetRows.length) lines.push(table(['target', 'figure', ''], targetRows));
  return lines.join('\n\n');
}
