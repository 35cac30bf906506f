import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { changesOutsideTheCms, editingBlockers } from './git.mjs';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@localhost', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@localhost' },
  });

const repos: string[] = [];
/** A committed repository holding a site in `site/`, and that site folder. */
function siteInRepository() {
  const repo = mkdtempSync(join(tmpdir(), 'oo-edit-git-'));
  repos.push(repo);
  const site = join(repo, 'site');
  mkdirSync(join(site, 'src/content/pages'), { recursive: true });
  writeFileSync(join(site, 'src/content/pages/home.md'), '---\ntitle: Home\n---\n');
  writeFileSync(join(site, '.gitignore'), '.astro/\ndist/\nnode_modules/\n');
  writeFileSync(join(repo, 'README.md'), 'Notes\n');
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'Start');
  return { repo, site };
}
afterEach(() => {
  for (const repo of repos.splice(0)) rmSync(repo, { recursive: true, force: true });
});

describe('what stops local editing from starting', () => {
  test('nothing, in a clean repository', () => {
    expect(editingBlockers(siteInRepository().site)).toEqual([]);
  });

  test('a change anywhere in the repository, outside the site folder too, named from the repository’s root', () => {
    const { repo, site } = siteInRepository();
    writeFileSync(join(repo, 'README.md'), 'Changed\n');
    writeFileSync(join(repo, 'stray.txt'), 'stray\n');
    const [blocker] = editingBlockers(site);
    expect(blocker).toMatch(
      /^The repository has uncommitted changes; the CMS would sweep them into the next editor's commit:\n {4} M README\.md\n {4}\?\? stray\.txt\n {2}Fix: commit them/,
    );
    expect(changesOutsideTheCms(site)).toEqual(['README.md', 'stray.txt']);
  });

  test('a symbolic link in src/, which the CMS would follow', () => {
    const { repo, site } = siteInRepository();
    symlinkSync('../../.git', join(site, 'src/content/git'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'A link');
    expect(editingBlockers(site)).toEqual([
      "The site's src/ folder holds symbolic links, which the CMS would follow to files outside what it may show or change:\n    src/content/git\n  Fix: replace each link with the file or folder it points to, and commit that.",
    ]);
  });
});
