import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkoutSite } from './checkout.ts';
import { SiteError } from './fleet-error.ts';

const dir = mkdtempSync(join(tmpdir(), 'fleet-checkout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();

function commit(repo: string, file: string, text: string): string {
  writeFileSync(join(repo, file), text);
  git(repo, 'add', file);
  git(repo, 'commit', '-q', '-m', `${file}: ${text}`);
  return git(repo, 'rev-parse', 'HEAD');
}

describe('checkoutSite', () => {
  const repo = join(dir, 'member');
  mkdirSync(repo);
  git(repo, 'init', '-q', '-b', 'main');
  const first = commit(repo, 'index.md', 'one');
  git(repo, 'checkout', '-q', '-b', 'draft');
  const draft = commit(repo, 'draft.md', 'draft');
  git(repo, 'checkout', '-q', 'main');
  const work = join(dir, 'work');

  test('clones the default branch and gives its commit', async () => {
    const checkout = await checkoutSite({ name: 'member', path: repo, base: '/' }, work);
    expect(checkout).toEqual({ dir: join(work, 'sites/member'), commit: first });
    expect(existsSync(join(checkout.dir, 'draft.md'))).toBe(false);
  });

  test('a later run fetches the new commit and leaves nothing of the last build but node_modules', async () => {
    const second = commit(repo, 'index.md', 'two');
    const site = join(work, 'sites/member');
    mkdirSync(join(site, 'dist'));
    mkdirSync(join(site, 'node_modules'));
    writeFileSync(join(site, 'index.md'), 'edited in the work folder');
    const checkout = await checkoutSite({ name: 'member', git: repo, base: '/' }, work);
    expect(checkout.commit).toBe(second);
    expect(existsSync(join(site, 'dist'))).toBe(false);
    expect(existsSync(join(site, 'node_modules'))).toBe(true);
    expect(git(site, 'status', '--porcelain')).toBe('');
  });

  test('checks out the branch the fleet file names', async () => {
    expect((await checkoutSite({ name: 'member', git: repo, branch: 'draft', base: '/' }, work)).commit).toBe(draft);
    expect((await checkoutSite({ name: 'fresh', git: repo, branch: 'draft', base: '/' }, work)).commit).toBe(draft);
  });

  test('a repository that is not there is the site’s error, in one line', async () => {
    const error = await checkoutSite({ name: 'gone', git: join(dir, 'gone'), base: '/' }, work).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SiteError);
    expect((error as Error).message).toMatch(/^Cloning .*gone failed: .*does not exist/);
    expect((error as Error).message).not.toContain('\n');
  });
});
