// @ts-check
import { execFileSync } from 'node:child_process';

/**
 * Runs git in `cwd` and returns its output without the final line break (a status line's
 * leading space matters), or `undefined` when git fails.
 * @param {string} cwd
 * @param {string[]} args
 */
export function git(cwd, args) {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  } catch {
    return undefined;
  }
}

/**
 * Every uncommitted change in the repository that holds the site folder `siteDir`, untracked
 * files included, as `git status --porcelain` lines (`?? src/content/news/x.md`, paths from the
 * repository's root); ignored files are not changes. The whole repository counts, not only the
 * site folder: a commit takes in whatever is staged anywhere in it. When git cannot answer,
 * that is one line saying so, so that nothing is taken for clean that was not checked.
 * @param {string} siteDir
 * @returns {string[]}
 */
export function uncommittedChanges(siteDir) {
  const status = git(siteDir, ['status', '--porcelain=v1', '--untracked-files=all', '--ignore-submodules=none']);
  if (status === undefined) return ['?? (git status failed: the repository could not be read)'];
  return status.split('\n').filter(Boolean);
}

/**
 * The files of the repository changed outside the CMS: the paths of `uncommittedChanges`.
 * @param {string} siteDir
 */
export const changesOutsideTheCms = (siteDir) => uncommittedChanges(siteDir).map((line) => line.slice(3));

/**
 * The branch checked out in the repository of `siteDir`, or undefined (a detached HEAD).
 * @param {string} siteDir
 */
export const currentBranch = (siteDir) => git(siteDir, ['symbolic-ref', '--quiet', '--short', 'HEAD']);

/**
 * What stops local editing from starting safely in the site folder `siteDir`, as messages with
 * a fix; empty when it may start. decap-server runs `git add .` in the site folder before each
 * commit, and a commit takes in all that is staged, so any uncommitted change in the repository
 * would be swept into an editor's commit.
 * @param {string} siteDir
 * @returns {string[]}
 */
export function editingBlockers(siteDir) {
  if (git(siteDir, ['rev-parse', '--is-inside-work-tree']) !== 'true') {
    return [
      `${siteDir} is not in a git repository, so edits could not be kept in history.\n  Fix: run \`git init && git add -A && git commit -m "Start the site"\` in it.`,
    ];
  }
  if (git(siteDir, ['rev-parse', '--verify', 'HEAD']) === undefined) {
    return ['The repository has no commit yet.\n  Fix: run `git add -A && git commit -m "Start the site"`.'];
  }
  const blockers = [];
  if (git(siteDir, ['check-ignore', '-q', '.astro/x']) === undefined) {
    blockers.push(
      'The folder .astro/ (written by the dev server) is not ignored by git, so it would be committed with every edit.\n  Fix: add the lines ".astro/", "dist/" and "node_modules/" to the site\'s .gitignore and commit it.',
    );
  }
  const links = (git(siteDir, ['ls-files', '--stage', '--', 'src']) ?? '').split('\n').filter((line) => line.startsWith('120000 '));
  if (links.length) {
    blockers.push(
      `The site's src/ folder holds symbolic links, which the CMS would follow to files outside what it may show or change:\n${links
        .slice(0, 10)
        .map((line) => `    ${line.split('\t')[1]}`)
        .join('\n')}\n  Fix: replace each link with the file or folder it points to, and commit that.`,
    );
  }
  const changes = uncommittedChanges(siteDir);
  if (changes.length) {
    const shown = changes
      .slice(0, 10)
      .map((line) => `    ${line}`)
      .join('\n');
    const more = changes.length > 10 ? `\n    …and ${changes.length - 10} more` : '';
    blockers.push(
      `The repository has uncommitted changes; the CMS would sweep them into the next editor's commit:\n${shown}${more}\n  Fix: commit them (\`git add -A && git commit -m "…"\`) or put them aside (\`git stash -u\`), then start again.`,
    );
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
