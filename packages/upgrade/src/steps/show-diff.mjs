// @ts-check
import { createTwoFilesPatch } from 'diff';

/**
 * In a dry run, shows what the upgrade would change: package.json and each migration's edits,
 * as a unified diff (what `git diff` would show afterwards, without the lockfile).
 * @param {Pick<import('../context.mjs').Context, 'site' | 'dryRun' | 'log'>} ctx
 */
export function showDiff({ site, dryRun, log }) {
  if (!dryRun) return;
  log('\nThe changes it would make (the lockfile aside):\n');
  log(unifiedDiff(site.changes));
  log('Nothing was changed (dry run).');
}

/**
 * @param {import('../site.mjs').Site['changes']} changes
 */
export function unifiedDiff(changes) {
  return [...changes]
    .sort(([a], [b]) => (a === 'package.json' ? -1 : b === 'package.json' ? 1 : a.localeCompare(b)))
    .map(([path, { before, after }]) =>
      createTwoFilesPatch(before === undefined ? '/dev/null' : `a/${path}`, `b/${path}`, before ?? '', after, undefined, undefined, { context: 3 })
        .split('\n')
        .slice(1) // the "Index:"-less header starts with a line of "=" signs
        .join('\n'),
    )
    .join('\n');
}
