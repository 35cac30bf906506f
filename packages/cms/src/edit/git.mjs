// @ts-check
import { execFileSync } from 'node:child_process';

/**
 * Runs git in `cwd` and returns its trimmed output, or `undefined` when git fails.
 * @param {string} cwd
 * @param {string[]} args
 */
export function git(cwd, args) {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * The site's uncommitted changes, untracked files included, as `git status --porcelain` lines
 * (`?? src/content/news/x.md`); ignored files are not changes.
 * @param {string} siteDir
 * @returns {string[]}
 */
export function uncommittedChanges(siteDir) {
  return (git(siteDir, ['status', '--porcelain', '--untracked-files=all', '--', '.']) ?? '').split('\n').filter(Boolean);
}

/**
 * What stops local editing from starting safely in the site folder `siteDir`, as messages with
 * a fix; empty when it may start. decap-server runs `git add .` before each commit, so any
 * uncommitted change in the site would be swept into an editor's commit.
 * @param {string} siteDir
 * @returns {string[]}
 */
export function editingBlockers(siteDir) {
  if (git(siteDir, ['rev-parse', '--is-inside-work-tree']) !== 'true') {
    return [`${siteDir} is not in a git repository, so edits could not be kept in history.\n  Fix: run \`git init && git add -A && git commit -m "Start the site"\` in it.`];
  }
  if (git(siteDir, ['rev-parse', '--verify', 'HEAD']) === undefined) {
    return ['The repository has no commit yet.\n  Fix: run `git add -A && git commit -m "Start the site"`.'];
  }
  const blockers = [];
  if (git(siteDir, ['check-ignore', '-q', '.astro/x']) === undefined) {
    blockers.push('The folder .astro/ (written by the dev server) is not ignored by git, so it would be committed with every edit.\n  Fix: add the lines ".astro/", "dist/" and "node_modules/" to the site\'s .gitignore and commit it.');
  }
  const changes = uncommittedChanges(siteDir);
  if (changes.length) {
    const shown = changes.slice(0, 10).map((line) => `    ${line}`).join('\n');
    const more = changes.length > 10 ? `\n    …and ${changes.length - 10} more` : '';
    blockers.push(`The site has uncommitted changes; the CMS would sweep them into the next editor's commit:\n${shown}${more}\n  Fix: commit them (\`git add -A && git commit -m "…"\`) or put them aside (\`git stash -u\`), then start again.`);
  }
  const staged = (git(siteDir, ['diff', '--cached', '--name-only']) ?? '').split('\n').filter(Boolean);
  if (staged.length && !changes.length) {
    blockers.push(`Files elsewhere in the repository are staged for commit and would be committed with an editor's change:\n${staged.slice(0, 10).map((file) => `    ${file}`).join('\n')}\n  Fix: commit them, or unstage them with \`git restore --staged <file>\`.`);
  }
  return blockers;
}

/**
 * Environment that gives commits an author when git has none configured, so a first-time
 * editor's save never fails on "Please tell me who you are".
 * @param {string} siteDir
 * @returns {Record<string, string>}
 */
export function commitIdentity(siteDir) {
  if (git(siteDir, ['config', 'user.email'])) return {};
  return {
    GIT_AUTHOR_NAME: 'Open Outreach editor',
    GIT_AUTHOR_EMAIL: 'editor@localhost',
    GIT_COMMITTER_NAME: 'Open Outreach editor',
    GIT_COMMITTER_EMAIL: 'editor@localhost',
  };
}
