import type { FleetSummary, ShotDiff, SiteResult } from '../types.ts';
import { REPORT_STYLE } from './style.ts';

/** What the page needs to know about the files beside report.json. */
export interface ReportFiles {
  /** The pixel size of a PNG (path relative to the report), if it is there. */
  imageSize: (file: string) => { width: number; height: number } | undefined;
  /** The logs of a site (paths relative to the report). */
  logsOf: (site: string) => string[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
/** A relative path as an href: each segment encoded, so a name with a space or `#` still links. */
const href = (path: string) => escape(path.split(/[\\/]/).map(encodeURIComponent).join('/'));

const STATUS_LABELS: Record<SiteResult['status'], string> = {
  passed: 'Passed',
  failed: 'Failed',
  changed: 'Changed',
  error: 'Could not check',
};

const WIDTH_LABELS = { phone: 'phone (390 px)', desktop: 'desktop (1280 px)' };

function percent(ratio: number): string {
  if (ratio > 0 && ratio < 0.0001) return 'under 0.01 %';
  return `${(ratio * 100).toFixed(2)} %`;
}

const seconds = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(1)} s`);
const anchor = (site: SiteResult) => `site-${site.name}`;
const changedShots = (site: SiteResult) => site.shots.filter((shot) => shot.changed);

/** Whether a site gets its own section: anything to say beyond its row in the table. */
const needsSection = (site: SiteResult) => site.status !== 'passed' || changedShots(site).length > 0;

function gatesCell(site: SiteResult): string {
  if (!site.gates) return 'not run';
  const passed = site.gates.filter((gate) => gate.passed).length;
  return `${passed} of ${site.gates.length} passed`;
}

function shotsCell(site: SiteResult): string {
  const changed = changedShots(site);
  if (!site.shots.length) return 'none';
  const accepted = changed.filter((shot) => shot.accepted).length;
  return `${changed.length} of ${site.shots.length} changed${accepted ? ` (${accepted} accepted)` : ''}`;
}

function siteRow(site: SiteResult): string {
  const name = needsSection(site) ? `<a href="#${escape(anchor(site))}">${escape(site.name)}</a>` : escape(site.name);
  return `<tr>
<th scope="row">${name}</th>
<td><span class="status status-${site.status}">${STATUS_LABELS[site.status]}</span></td>
<td><code>${escape(site.commit.slice(0, 10) || '–')}</code></td>
<td class="number">${seconds(site.buildSeconds)}</td>
<td>${site.cached ? 'from the cache' : site.seconds !== undefined ? `checked in ${seconds(site.seconds)}` : 'checked'}</td>
<td>${gatesCell(site)}</td>
<td>${shotsCell(site)}</td>
</tr>`;
}

function figure(caption: string, file: string, alt: string, files: ReportFiles): string {
  if (!file) return `<figure class="missing"><figcaption>${caption}</figcaption><p>No page of this type on this side.</p></figure>`;
  const size = files.imageSize(file);
  const dimensions = size ? ` width="${size.width}" height="${size.height}"` : '';
  const image = size
    ? `<a href="${href(file)}"><img src="${href(file)}" alt="${escape(alt)}"${dimensions} loading="lazy"></a>`
    : `<p>The image ${escape(file)} is missing.</p>`;
  return `<figure><figcaption>${caption}</figcaption>${image}</figure>`;
}

function shotBlock(site: SiteResult, shot: ShotDiff, files: ReportFiles): string {
  const id = `${anchor(site)}-${shot.pageType}-${shot.width}-${shot.scheme}`.replace(/[^A-Za-z0-9_-]+/g, '-');
  const what = `${shot.pageType} page, ${shot.width} width, ${shot.scheme} scheme`;
  const changed =
    !shot.before || !shot.after ? (shot.before ? 'gone with the candidate' : 'new with the candidate') : `${percent(shot.ratio)} of its pixels changed`;
  return `<section class="shot" aria-labelledby="${id}">
<h4 id="${id}">${escape(shot.pageType)}, ${WIDTH_LABELS[shot.width]}, ${shot.scheme}: ${changed}${shot.accepted ? ' <span class="accepted">(accepted)</span>' : ''}</h4>
<p>Page <code>${escape(shot.path)}</code></p>
<div class="images">
${figure('Before', shot.before, `Before: the ${what}, with the site's locked kit`, files)}
${figure('After', shot.after, `After: the ${what}, with the candidate`, files)}
${shot.diff ? figure('Difference', shot.diff, `Difference: the ${what}; changed pixels in red, a page's new or lost length in magenta`, files) : ''}
</div>
</section>`;
}

/** A failed gate's first failures, each with its page. */
function gateFailures(gate: NonNullable<SiteResult['gates']>[number]): string {
  if (!gate.failures?.length) return '';
  return `\n<ul class="failures">\n${gate.failures.map((failure) => `<li>${escape(failure)}</li>`).join('\n')}\n</ul>`;
}

function siteSection(site: SiteResult, files: ReportFiles): string {
  const where = site.domain ?? site.path;
  const gates = site.gates
    ? `<h3>Quality gates</h3>
<ul class="gates">
${site.gates.map((gate) => `<li><span class="status status-${gate.passed ? 'passed' : 'failed'}">${gate.passed ? 'Passed' : 'Failed'}</span> ${escape(gate.name)}: ${escape(gate.summary)}${gateFailures(gate)}</li>`).join('\n')}
</ul>`
    : '';
  const changed = changedShots(site);
  const shots = changed.length ? `<h3>Changed screenshots</h3>\n${changed.map((shot) => shotBlock(site, shot, files)).join('\n')}` : '';
  const logs = files.logsOf(site.name);
  return `<section class="site" aria-labelledby="${escape(anchor(site))}">
<h2 id="${escape(anchor(site))}">${escape(site.name)}${where ? ` <small>${escape(where)}</small>` : ''}</h2>
<p><span class="status status-${site.status}">${STATUS_LABELS[site.status]}</span>${site.commit ? ` commit <code>${escape(site.commit)}</code>` : ''}${
    site.cached ? ', from the cache' : ''
  }${site.buildSeconds !== undefined ? `, built with the candidate in ${seconds(site.buildSeconds)}` : ''}.</p>
${site.error ? `<p class="error">${escape(site.error)}</p>` : ''}
${gates}
${shots}
${logs.length ? `<p>Logs: ${logs.map((log) => `<a href="${href(log)}">${escape(log.split('/').pop()!)}</a>`).join(', ')}</p>` : ''}
</section>`;
}

/** How many sites each page type changed on: a theme change shows as one type on many sites. */
function byPageType(sites: SiteResult[]): string {
  const changedOn = new Map<string, Set<string>>();
  for (const site of sites) for (const shot of changedShots(site)) changedOn.set(shot.pageType, (changedOn.get(shot.pageType) ?? new Set()).add(site.name));
  if (!changedOn.size) return '';
  const rows = [...changedOn]
    .sort(([a, one], [b, other]) => other.size - one.size || a.localeCompare(b))
    .map(([type, names]) => `<tr><th scope="row">${escape(type)}</th><td class="number">${names.size}</td><td>${[...names].map(escape).join(', ')}</td></tr>`);
  return `<div class="scroll" role="region" aria-labelledby="by-page-type" tabindex="0"><table>
<caption id="by-page-type">Changed screenshots by page type</caption>
<thead><tr><th scope="col">Page type</th><th scope="col">Sites</th><th scope="col">Which</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

function counts(sites: SiteResult[]): string {
  const parts = (Object.keys(STATUS_LABELS) as SiteResult['status'][])
    .map((status) => [status, sites.filter((site) => site.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${STATUS_LABELS[status].toLowerCase()}`);
  const cached = sites.filter((site) => site.cached).length;
  return `${sites.length} site${sites.length === 1 ? '' : 's'}: ${parts.join(', ') || 'none'}; ${cached} from the cache.`;
}

/** The report as one HTML page: no script, no request beyond its own images, readable from disk. */
export function reportHtml(summary: FleetSummary, files: ReportFiles): string {
  const started = summary.startedAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  const details = [
    `Started ${escape(started)}, took ${seconds(summary.seconds)}.`,
    summary.shard ? `Shard ${escape(summary.shard)} of the fleet.` : '',
    summary.threshold === undefined
      ? ''
      : `A screenshot counts as changed when ${summary.threshold > 0 ? `more than ${percent(summary.threshold)}` : 'any'} of its pixels changed, or its page's length.`,
  ].filter(Boolean);
  const sections = summary.sites.filter(needsSection);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fleet check of ${escape(summary.candidate)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>Fleet check of ${escape(summary.candidate)}</h1>
<p>${counts(summary.sites)}</p>
<p>${details.join(' ')}</p>
</header>
<main>
<div class="scroll" role="region" aria-labelledby="every-site" tabindex="0"><table>
<caption id="every-site">Every site, its status with the candidate</caption>
<thead><tr><th scope="col">Site</th><th scope="col">Status</th><th scope="col">Commit</th><th scope="col">Build</th><th scope="col">Result</th><th scope="col">Quality gates</th><th scope="col">Screenshots</th></tr></thead>
<tbody>
${summary.sites.map(siteRow).join('\n')}
</tbody>
</table></div>
${byPageType(summary.sites)}
${sections.map((site) => siteSection(site, files)).join('\n')}
</main>
</body>
</html>
`;
}
