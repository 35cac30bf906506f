import { isAccepted, type AcceptRule } from './accept.ts';
import type { FleetSummary, SiteResult } from './types.ts';

/**
 * A site's status from what was found: `failed` when the candidate's build or a gate failed,
 * else `changed` when a shot changed that no rule accepts, else `passed`. (`error`, a site
 * that could not be checked at all, is set where that happens.)
 */
export function siteStatus(result: Pick<SiteResult, 'status' | 'error' | 'gates' | 'shots'>): SiteResult['status'] {
  if (result.status === 'error') return 'error';
  if (result.error || result.gates?.some((gate) => !gate.passed)) return 'failed';
  return result.shots.some((shot) => shot.changed && !shot.accepted) ? 'changed' : 'passed';
}

/** The result with the accept file's rules applied to its shots, and its status again. */
export function withAccepted(result: SiteResult, rules: AcceptRule[]): SiteResult {
  const shots = result.shots.map((shot) => ({ ...shot, accepted: shot.changed && isAccepted(rules, result.name, shot) }));
  const judged = { ...result, shots };
  return { ...judged, status: siteStatus(judged) };
}

/** 0 when every site passed; 1 when a build or gate failed, a change is not accepted, or a site could not be checked. */
export function exitCodeOf(summary: Pick<FleetSummary, 'sites'>): 0 | 1 {
  return summary.sites.every((site) => site.status === 'passed') ? 0 : 1;
}

/** One line per site for the terminal, then the counts. */
export function summaryLines(summary: FleetSummary): string[] {
  const counts = new Map<string, number>();
  for (const site of summary.sites) counts.set(site.status, (counts.get(site.status) ?? 0) + 1);
  const cached = summary.sites.filter((site) => site.cached).length;
  const order: SiteResult['status'][] = ['passed', 'changed', 'failed', 'error'];
  return [
    `${summary.sites.length} site${summary.sites.length === 1 ? '' : 's'} in ${Math.round(summary.seconds)} s: ${order
      .filter((status) => counts.get(status))
      .map((status) => `${counts.get(status)} ${status}`)
      .join(', ')}${cached ? ` (${cached} from the cache)` : ''}.`,
  ];
}

/** One line for a site that is done. */
export function siteLine(result: SiteResult): string {
  const mark = { passed: '✓', changed: '≠', failed: '✗', error: '!' }[result.status];
  const changed = result.shots.filter((shot) => shot.changed && !shot.accepted);
  const accepted = result.shots.filter((shot) => shot.accepted).length;
  const details = [
    result.cached ? 'from the cache' : result.buildSeconds !== undefined ? `built in ${result.buildSeconds.toFixed(1)} s` : '',
    ...(result.gates ?? [])
      .filter((gate) => !gate.passed)
      .map((gate) => `${gate.name} failed: ${gate.summary}${gate.failures?.length ? ` (first: ${gate.failures[0]})` : ''}`),
    changed.length ? `${changed.length} shot${changed.length === 1 ? '' : 's'} changed (${[...new Set(changed.map((shot) => shot.pageType))].join(', ')})` : '',
    accepted ? `${accepted} accepted` : '',
    result.error ?? '',
  ].filter(Boolean);
  return `${mark} ${result.name} ${result.status}${details.length ? `: ${details.join('; ')}` : ''}`;
}
