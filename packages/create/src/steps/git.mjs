// @ts-check
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const FIRST_COMMIT_MESSAGE = 'Create the site from the Open Outreach starter';

/**
 * Makes the new folder a git repository with the starter as its first commit: local editing
 * needs one, and every save in the CMS becomes a commit on top. A failure is told with its fix
 * and does not stop the rest, since the site itself is complete.
 * @param {Pick<import('../context.mjs').Context, 'projectDir' | 'git' | 'env' | 'dryRun' | 'log'>} ctx
 */
export function initGit({ projectDir, git, env, dryRun, log }) {
  if (!git) return;
  const existing = existsSync(join(projectDir, '.git'));
  if (dryRun) {
    log(
      `Would ${existing ? 'commit the site in the existing git repository' : 'create a git repository and commit the site in it'} ("${FIRST_COMMIT_MESSAGE}").`,
    );
    return;
  }
  // Variables already set win over the default identity.
  const gitEnv = { ...commitIdentity(projectDir, env), ...env };
  /** @param {string[]} args */
  const run = (args) => execFileSync('git', args, { cwd: projectDir, env: gitEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    if (!existing) {
      try {
        run(['init', '-q', '-b', 'main']);
      } catch {
        run(['init', '-q']); // git before 2.28 has no -b
      }
    }
    run(['add', '-A']);
    run(['commit', '-q', '-m', FIRST_COMMIT_MESSAGE]);
    log(`Committed the site to git ("${FIRST_COMMIT_MESSAGE}").`);
  } catch (error) {
    const detail = /** @type {{ code?: string, stderr?: string }} */ (error);
    const why = detail.code === 'ENOENT' ? 'git is not installed' : (detail.stderr?.trim().split('\n')[0] ?? String(error));
    log(
      `The site was not committed to git: ${why}.\n  Fix: ${detail.code === 'ENOENT' ? 'install git (https://git-scm.com), then ' : ''}run \`git init && git add -A && git commit -m "${FIRST_COMMIT_MESSAGE}"\` in the site's folder; local editing needs it.`,
    );
  }
}

/**
 * Environment that gives the commit an author where git has none configured, so that the first
 * commit never fails on "Please tell me who you are" (as in @openoutreach/cms's local editing).
 * @param {string} cwd
 * @param {NodeJS.ProcessEnv} env
 * @returns {Record<string, string>}
 */
export function commitIdentity(cwd, env) {
  /** @param {string} key */
  const configured = (key) => {
    try {
      return execFileSync('git', ['config', key], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    } catch {
      return false;
    }
  };
  return {
    ...(configured('user.name') ? {} : { GIT_AUTHOR_NAME: 'Open Outreach editor', GIT_COMMITTER_NAME: 'Open Outreach editor' }),
    ...(configured('user.email') ? {} : { GIT_AUTHOR_EMAIL: 'editor@localhost', GIT_COMMITTER_EMAIL: 'editor@localhost' }),
  };
}
