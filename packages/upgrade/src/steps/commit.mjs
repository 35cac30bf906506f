// @ts-check
import { kitChanges } from '../changelog.mjs';
import { git } from '../run.mjs';
import { UpgradeError } from '../upgrade-error.mjs';

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock'];

/**
 * Commits the upgrade: package.json, the lockfile and the files the migrations changed, and
 * nothing else, with the migrations and the kit's changelog in the message.
 * @param {Pick<import('../context.mjs').Context, 'cwd' | 'env' | 'site' | 'packageDir' | 'versions' | 'migrations' | 'dryRun' | 'log'>} ctx
 */
export function commit({ cwd, env, site, packageDir, versions, migrations, dryRun, log }) {
  const message = commitMessage(versions, migrations, kitChanges(cwd, versions.from, versions.to, packageDir));
  if (dryRun) {
    log(`6. Would commit "${message.split('\n')[0]}".`);
    return;
  }
  const paths = [...new Set([...site.changes.keys(), ...LOCKFILES.filter(site.exists)])];
  const gitEnv = { ...commitIdentity(cwd, env), ...env };
  try {
    git(['add', '--', ...paths], { cwd, env: gitEnv });
    git(['commit', '-q', '-m', message, '--', ...paths], { cwd, env: gitEnv });
  } catch (error) {
    const detail = /** @type {{ stderr?: string }} */ (error);
    throw new UpgradeError(
      `The upgrade is done and the site builds, but git could not commit it: ${detail.stderr?.trim().split('\n')[0] ?? error}\n  Fix: commit it yourself: git add -A && git commit -m "${message.split('\n')[0]}"`,
    );
  }
  log(`6. Committed "${message.split('\n')[0]}".`);
}

/**
 * @param {{ from: string, to: string }} versions
 * @param {import('../migrations.mjs').Migration[]} migrations
 * @param {string[]} changes the changelog's lines
 */
export function commitMessage({ from, to }, migrations, changes) {
  const lines = [`Upgrade Open Outreach from ${from} to ${to}`];
  if (migrations.length) lines.push('', 'Migrations:', ...migrations.map((migration) => `- ${migration.version} ${migration.title}`));
  if (changes.length) lines.push('', 'Changes in the kit:', '', ...changes);
  return lines.join('\n') + '\n';
}

/**
 * An author for the commit where git has none configured, as `@openoutreach/cms`'s local
 * editing does, so the upgrade never stops at "Please tell me who you are".
 * @param {string} cwd
 * @param {NodeJS.ProcessEnv} env
 * @returns {Record<string, string>}
 */
function commitIdentity(cwd, env) {
  /** @param {string} key */
  const configured = (key) => {
    try {
      return git(['config', key], { cwd, env }).trim() !== '';
    } catch {
      return false;
    }
  };
  return {
    ...(configured('user.name') ? {} : { GIT_AUTHOR_NAME: 'Open Outreach upgrade', GIT_COMMITTER_NAME: 'Open Outreach upgrade' }),
    ...(configured('user.email') ? {} : { GIT_AUTHOR_EMAIL: 'upgrade@localhost', GIT_COMMITTER_EMAIL: 'upgrade@localhost' }),
  };
}
