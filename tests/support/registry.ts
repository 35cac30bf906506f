import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { userEnvironment } from './build.ts';
import { REPO_ROOT } from './sites.ts';

/** A real npm registry on loopback (Verdaccio), which the kit is published to and member sites install from. */
export interface Registry {
  /** The registry's address, ending with `/`. */
  url: string;
  /**
   * Everything a child process needs to use the registry as a member's machine would: npm's
   * registry, a user config holding the registry's token, an npm cache (the machine's downloads,
   * an npx folder of its own), this process's Node first on PATH
   * (no monorepo `node_modules/.bin`), a git identity, no update notifier, none of vitest's or
   * the parent npm's variables.
   */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const VERDACCIO = require.resolve('verdaccio');

/**
 * Run in a child process (a test that waits on `execFileSync('npm', …)` would otherwise block
 * the registry it waits for): starts Verdaccio on a port the system picks and sends it back.
 */
const SERVER = `
const { runServer } = require(process.env.VERDACCIO);
runServer(process.env.VERDACCIO_CONFIG).then((app) => {
  const server = app.listen(0, '127.0.0.1', () => process.send(server.address().port));
}, (error) => { console.error(error); process.exit(1); });
`;

/**
 * Starts Verdaccio on 127.0.0.1 with its storage in a temporary folder. The kit's packages
 * (`@openoutreach/*`, `create-openoutreach`) are only ever what is published to it; everything
 * else is fetched from the registry npm is configured with here (`npm config get registry`).
 */
export async function startRegistry(): Promise<Registry> {
  const home = mkdtempSync(join(tmpdir(), 'oo-registry-'));
  const base = baseEnvironment();
  const upstream = execFileSync('npm', ['config', 'get', 'registry'], { env: base, encoding: 'utf8' }).trim();
  const kitPackage = { access: '$all', publish: '$authenticated', unpublish: '$authenticated' };
  const config = {
    storage: join(home, 'storage'),
    auth: { htpasswd: { file: join(home, 'htpasswd'), max_users: 10 } },
    uplinks: { upstream: { url: upstream, timeout: '60s', maxage: '30m' } },
    packages: {
      '@openoutreach/*': kitPackage,
      'create-openoutreach': kitPackage,
      '**': { access: '$all', publish: '$authenticated', proxy: 'upstream' },
    },
    max_body_size: '200mb',
    log: { type: 'stdout', format: 'pretty', level: 'warn' },
    web: { enable: false },
  };
  writeFileSync(join(home, 'config.yaml'), JSON.stringify(config, null, 2));

  const child = spawn(process.execPath, ['--eval', SERVER], {
    env: { ...base, VERDACCIO, VERDACCIO_CONFIG: join(home, 'config.yaml') },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(home, { recursive: true, force: true });
  };
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve(Number(message)));
    child.once('exit', (code) => reject(new Error(`Verdaccio stopped (exit ${code}) before it listened:\n${output.slice(-3000)}`)));
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  const url = `http://127.0.0.1:${port}/`;

  try {
    const token = await addUser(url);
    const userconfig = join(home, 'npmrc');
    writeFileSync(userconfig, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\nfund=false\naudit=false\nupdate-notifier=false\n`);
    const env = { ...base, npm_config_registry: url, npm_config_userconfig: userconfig, npm_config_cache: npmCache(home, base) };
    return { url, env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Publishes every kit package whose version the registry lacks, as the co-op does:
 * `npm run release -- --publish-only` in `repoDir` (this repository by default).
 */
export async function publishKit(registry: Registry, repoDir = REPO_ROOT): Promise<void> {
  const { code, output } = await run('npm', ['run', 'release', '--', '--publish-only'], { cwd: repoDir, env: registry.env });
  if (code !== 0) throw new Error(`Publishing the kit to ${registry.url} failed (exit ${code}):\n${output.slice(-6000)}`);
}

/** Runs a command to its end, collecting what it prints. */
export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', (error) => (output += `\n${error.message}`));
    child.once('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** A user's environment: this Node first, no monorepo bins, no npm or vitest variables, a git identity. */
function baseEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(userEnvironment()).filter(([name]) => !/^npm_/i.test(name) && name !== 'INIT_CWD'));
  const path = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir && !dir.includes('node_modules/.bin') && !dir.includes('node-gyp-bin'));
  return {
    ...env,
    PATH: [dirname(process.execPath), ...path].join(delimiter),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@localhost',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@localhost',
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}

/**
 * An npm cache of the registry's own that shares the machine's downloads (`_cacache`, addressed
 * by content, so a package of the kit published again with new content is never mistaken for the
 * old) but not its `_npx` folder: npx reuses a package it installed there before when the version
 * matches, and every test run publishes the kit's same version anew.
 */
function npmCache(home: string, env: NodeJS.ProcessEnv): string {
  const own = execFileSync('npm', ['config', 'get', 'cache'], { env, encoding: 'utf8' }).trim();
  const cache = join(home, 'npm-cache');
  mkdirSync(join(own, '_cacache'), { recursive: true });
  mkdirSync(cache);
  symlinkSync(join(own, '_cacache'), join(cache, '_cacache'));
  return cache;
}

/** Signs up a user through the registry's adduser API, returning its token. */
async function addUser(url: string): Promise<string> {
  const name = 'openoutreach-test';
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password: 'test-password', email: 'test@localhost', type: 'user', roles: [], date: new Date().toISOString() }),
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string };
  if (!response.ok || !body.token) throw new Error(`Verdaccio refused to add a user (${response.status}): ${JSON.stringify(body)}`);
  return body.token;
}
