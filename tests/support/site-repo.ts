import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { userEnvironment } from './build.ts';
import { REPO_ROOT } from './sites.ts';

export const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@localhost', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@localhost' },
  }).trim();

/**
 * A member site in a git repository of its own, as a group has it after creating its site from
 * the starter: the starter's tracked files, committed once. It sits inside the monorepo's
 * ignored tests/.output/ so that it resolves the kit's packages from node_modules.
 */
export function createSiteRepository(name: string, from = join(REPO_ROOT, 'starter')): string {
  const dir = join(REPO_ROOT, 'tests/.output', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of git(from, 'ls-files').split('\n')) cpSync(join(from, file), join(dir, file), { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Create the site from the starter');
  return dir;
}

/** A port on 127.0.0.1 that nothing listens on, so tests never collide with a running `npm start`. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const EDIT_BIN = join(REPO_ROOT, 'packages/cms/bin/openoutreach-edit.mjs');

/** Runs `npm run edit`'s command in `dir`; resolves once the site answers, or with its output if it exits. */
export async function startEditing(
  dir: string,
  ports: { site: number; cms: number },
): Promise<{ child: ChildProcess; output: () => string; exited: Promise<number> }> {
  let output = '';
  const env = userEnvironment();
  const child = spawn(process.execPath, [EDIT_BIN], {
    cwd: dir,
    env: { ...env, OPENOUTREACH_CMS_PORT: String(ports.cms), OPENOUTREACH_SITE_PORT: String(ports.site), NO_COLOR: '1' },
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.once('error', (error) => (output += `\n${error.message}`));
  const exited = new Promise<number>((resolve) =>
    child.once('exit', (code, signal) => {
      if (code !== 0) output += `\n(local editing exited with ${code ?? signal})`;
      resolve(code ?? 1);
    }),
  );
  let finished = false;
  void exited.then(() => (finished = true));
  for (let attempt = 0; attempt < 480 && !finished; attempt++) {
    try {
      const [site, cms] = await Promise.all([
        fetch(`http://127.0.0.1:${ports.site}/admin/`),
        fetch(`http://127.0.0.1:${ports.cms}/api/v1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"info"}' }),
      ]);
      if (site.ok && cms.ok) break;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { child, output: () => output, exited };
}
