/** Formats bench results as plain-text tables. */

const MB = 1024 * 1024;

const seconds = (value) => value.toFixed(1);

/** The figures of a build shown in the table, each with how to format it. */
export const FIGURES = {
  wall: { label: 'wall s', format: (r) => seconds(r.wall) },
  startup: { label: 'startup', format: (r) => seconds(r.phases.startup.seconds) },
  setup: { label: 'setup', format: (r) => seconds(r.phases.setup.seconds) },
  pagesTime: { label: 'pages', format: (r) => seconds(r.phases.pages.seconds) },
  imagesTime: { label: 'images', format: (r) => seconds(r.phases.images.seconds) },
  cpu: { label: 'CPU s', format: (r) => seconds(r.cpu) },
  cores: { label: 'cores', format: (r) => r.coresUsed.toFixed(2) },
  imageCores: { label: 'img cores', format: (r) => r.phases.images.cores.toFixed(2) },
  peakRss: { label: 'peak RSS MB', format: (r) => (r.peakRss / MB).toFixed(0) },
  images: { label: 'images (cached)', format: (r) => `${r.images.total} (${r.images.reused})` },
  imageBytes: { label: 'img MB', format: (r) => (r.imageBytes / MB).toFixed(1) },
  bytes: { label: 'dist MB', format: (r) => (r.bytes / MB).toFixed(1) },
  pages: { label: 'pages', format: (r) => String(r.pages) },
};

/** The numeric value of each figure compared kit/plain. */
const VALUES = {
  wall: (r) => r.wall,
  startup: (r) => r.phases.startup.seconds,
  setup: (r) => r.phases.setup.seconds,
  pagesTime: (r) => r.phases.pages.seconds,
  imagesTime: (r) => r.phases.images.seconds,
  cpu: (r) => r.cpu,
  cores: (r) => r.coresUsed,
  peakRss: (r) => r.peakRss,
  imageBytes: (r) => r.imageBytes,
  bytes: (r) => r.bytes,
  pages: (r) => r.pages,
};

function table(header, rows) {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** One row per site and step, with every figure. */
export function resultsTable(results) {
  const rows = [];
  for (const [site, steps] of Object.entries(results)) {
    for (const [step, result] of Object.entries(steps)) {
      rows.push([`${site} ${step}`, ...Object.values(FIGURES).map((figure) => figure.format(result))]);
    }
  }
  return table(['build', ...Object.values(FIGURES).map((figure) => figure.label)], rows);
}

const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? undefined : a / b);
const formatRatio = (value) => (value === undefined ? '–' : `${value.toFixed(2)}×`);

/** The ratios kit/plain of each figure and step, and warm/cold and edit/cold of each site. */
export function ratios(results) {
  const out = { kitOverPlain: {}, warmOverCold: {}, editOverCold: {} };
  const { kit, plain } = results;
  if (kit && plain) {
    for (const step of Object.keys(kit)) {
      out.kitOverPlain[step] = Object.fromEntries(Object.entries(VALUES).map(([name, value]) => [name, ratio(value(kit[step]), value(plain[step]))]));
    }
  }
  for (const [site, steps] of Object.entries(results)) {
    out.warmOverCold[site] = ratio(steps.warm?.wall, steps.cold?.wall);
    out.editOverCold[site] = ratio(steps.edit?.wall, steps.cold?.wall);
  }
  return out;
}

export function ratiosTable(computed) {
  const steps = Object.keys(computed.kitOverPlain);
  if (!steps.length) return '';
  const rows = Object.keys(VALUES).map((name) => [FIGURES[name].label, ...steps.map((step) => formatRatio(computed.kitOverPlain[step][name]))]);
  return table(['kit / plain', ...steps], rows);
}

/** The project's targets, reported (never asserted) against this run. */
export function targets(results, computed) {
  const lines = [];
  const mark = (ok) => (ok === undefined ? '?' : ok ? 'met' : 'NOT met');
  const kitCold = computed.kitOverPlain.cold?.wall;
  const kitColdCpu = computed.kitOverPlain.cold?.cpu;
  lines.push(
    `kit cold ≤ 0.5× plain cold: ${formatRatio(kitCold)} wall, ${formatRatio(kitColdCpu)} CPU – ${mark(kitCold === undefined ? undefined : kitCold <= 0.5)}`,
  );
  const warm = computed.warmOverCold.kit;
  const warmCpu = results.kit ? ratio(results.kit.warm.cpu, results.kit.cold.cpu) : undefined;
  lines.push(`kit warm ≤ 0.2× kit cold:   ${formatRatio(warm)} wall, ${formatRatio(warmCpu)} CPU – ${mark(warm === undefined ? undefined : warm <= 0.2)}`);
  for (const [site, steps] of Object.entries(results)) {
    const peak = Math.max(...Object.values(steps).map((r) => r.peakRss));
    lines.push(`${site} peak memory < 1.5 GB:  ${(peak / 1024 ** 3).toFixed(2)} GB – ${mark(peak < 1.5 * 1024 ** 3)}`);
  }
  return lines.join('\n');
}
