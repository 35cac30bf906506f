// @ts-check
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { git } from '../run.mjs';
import { UpgradeError } from '../upgrade-error.mjs';

/**
 * Stops unless the folder is a site of the kit in a git repository with nothing uncommitted:
 * the upgrade's changes must be the only changes, so that they can be reviewed, committed
 * and, if need be, undone with git.
 * @param {Pick<import('../context.mjs').Context, 'cwd' | 'env' | 'site' | 'log'>} ctx
 */
export function checkSite({ cwd, env, site, log }) {
  if (!existsSync(join(cwd, 'package.json'))) {
    throw new UpgradeError(
      `There is no package.json in ${cwd}.\n  Fix: run the upgrade in your site's folder (the one with package.json and astro.config.mjs).`,
      {
        exitCode: 2,
      },
    );
  }
  if (kitDependencies(site).length === 0) {
    throw new UpgradeError(
      `package.json names no @openoutreach package, so this is not an Open Outreach site.\n  Fix: run the upgrade in your site's folder.`,
      {
        exitCode: 2,
      },
    );
  }
  let status;
  try {
    status = git(['status', '--porcelain'], { cwd, env });
  } catch (error) {
    const detail = /** @type {{ code?: string }} */ (error);
    throw new UpgradeError(
      detail.code === 'ENOENT'
        ? 'git is not installed, and the upgrade commits its changes with it.\n  Fix: install git (https://git-scm.com), then run the upgrade again.'
        : `${cwd} is not in a git repository, and the upgrade commits its changes to one.\n  Fix: run \`git init && git add -A && git commit -m "My site"\` first.`,
      { exitCode: 2 },
    );
  }
  const changed = status.split('\n').filter(Boolean);
  if (changed.length) {
    const shown = changed.slice(0, 8).map((line) => `    ${line}`);
    if (changed.length > shown.length) shown.push(`    … and ${changed.length - shown.length} more`);
    throw new UpgradeError(
      `The site's repository has uncommitted changes:\n${shown.join('\n')}\n  Fix: commit them (git add -A && git commit -m "…") or put them aside (git stash -u), then run the upgrade again. It wants its own changes to be the only ones, so you can review them.`,
      { exitCode: 2 },
    );
  }
  log('The site is an Open Outreach site with nothing uncommitted.');
}

/**
 * The `@openoutreach` packages the site depends on, where its package.json names them.
 * @param {import('../site.mjs').Site} site
 * @returns {{ field: 'dependencies' | 'devDependencies', name: string, range: string }[]}
 */
export function kitDependencies(site) {
  const manifest = JSON.parse(site.read('package.json'));
  return /** @type {const} */ (['dependencies', 'devDependencies']).flatMap((field) =>
    Object.entries(manifest[field] ?? {})
      .filter(([name]) => name.startsWith('@openoutreach/'))
      .map(([name, range]) => ({ field, name, range: String(range) })),
  );
}
