import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { resolveConfig } from '@netlify/config';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { userEnvironment } from '../support/build.ts';
import { REPO_ROOT } from '../support/sites.ts';

/**
 * Every command the deploy configuration of a created site runs, run here in a created site, and
 * every path it publishes checked after the build. The configs' validity against each host's
 * schema is packages/create/src/deploy-configs.test.ts. One site is built once (GitHub Pages, a
 * project site under /website/); each distinct command runs once, as the hosts' configs share
 * them. The sites sit in the monorepo's ignored tests/.output/, so they resolve the kit from its
 * node_modules.
 */

const OUTPUT = join(REPO_ROOT, 'tests/.output');
const BIN = join(REPO_ROOT, 'packages/create/bin/create-openoutreach.mjs');
const require = createRequire(import.meta.url);
const GITLAB_CI_LOCAL = require.resolve('gitlab-ci-local');
const HOSTS = ['github', 'gitlab', 'codeberg', 'netlify', 'cloudflare', 'coop'] as const;
type Host = (typeof HOSTS)[number];

/**
 * What no test here runs, and why. The platforms' own actions (check out, cache, upload and deploy)
 * run only on their platforms; the test checks what they are given instead (the cache's path, the
 * artifact's folder).
 */
const NOT_RUN = {
  /** The machine has Debian's chromium and Java already (.ci/run installs them); checked below. */
  apt: /^apt-get update && apt-get install --yes --no-install-recommends chromium default-jre-headless$/,
  /**
   * The site resolves the kit from the monorepo's workspace; installing a member's site from a
   * registry, lockfile and all, is tests/e2e/member-site.test.ts.
   */
  install: /^npm ci( --cache \.npm --prefer-offline)?$/,
  actions: [
    'actions/checkout',
    'actions/cache',
    'actions/upload-pages-artifact',
    'actions/deploy-pages',
    'https://code.forgejo.org/actions/checkout',
    'https://code.forgejo.org/actions/cache',
  ],
};

interface Step {
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  file: string;
  name: string;
  env: Record<string, string>;
  steps: Step[];
}

const sites = {} as Record<Host, { dir: string; output: string }>;
const site = (host: Host) => sites[host].dir;

beforeAll(() => {
  mkdirSync(OUTPUT, { recursive: true });
  for (const host of HOSTS) {
    const dir = join(OUTPUT, `deploy-${host}`);
    rmSync(dir, { recursive: true, force: true });
    const output = execFileSync(
      process.execPath,
      [BIN, `deploy-${host}`, '--name', 'Riverside', '--host', host, '--repo', 'riverside/website', '--time-zone', 'Europe/Paris', '--no-install'],
      { cwd: OUTPUT, encoding: 'utf8' },
    );
    sites[host] = { dir, output };
  }
});

/** The jobs of a site's GitHub or Forgejo workflows, each step as written. */
function actionsJobs(host: Host): Job[] {
  const files = ['.github/workflows', '.forgejo/workflows'].flatMap((folder) =>
    existsSync(join(site(host), folder)) ? readdirSync(join(site(host), folder)).map((name) => `${folder}/${name}`) : [],
  );
  return files.flatMap((file) =>
    Object.entries(parse(readFileSync(join(site(host), file), 'utf8')).jobs as Record<string, { env?: Record<string, string>; steps: Step[] }>).map(
      ([name, job]) => ({ file, name, env: job.env ?? {}, steps: job.steps }),
    ),
  );
}

/** The `pages` and `check` jobs of .gitlab-ci.yml as GitLab expands them (`extends` merged), by gitlab-ci-local. */
function gitlabJobs(): Job[] {
  const preview = execFileSync(process.execPath, [GITLAB_CI_LOCAL, '--preview'], {
    cwd: site('gitlab'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const config = parse(preview.slice(preview.indexOf('---')));
  return ['check', 'pages'].map((name) => ({
    file: '.gitlab-ci.yml',
    name,
    env: config[name].variables ?? {},
    steps: [...config[name].before_script, ...config[name].script].map((run: string) => ({ run })),
  }));
}

/** Runs a shell command in `dir` as a CI job would, with the job's variables; gives its exit code and output. */
function sh(command: string, dir: string, env: Record<string, string> = {}) {
  const result = spawnSync('sh', ['-ec', command], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...userEnvironment(), PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`, NO_COLOR: '1', ...env },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** `sh` without blocking this process, for a command that talks to a server running here. */
function shAsync(command: string, dir: string, env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = spawn('sh', ['-ec', command], { cwd: dir, env: { ...userEnvironment(), NO_COLOR: '1', ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

/** The commands already run in the built site, so that a command the hosts share runs once. */
const ran = new Set<string>();

/** Runs a job's commands in the built site, in order, each once; returns the commands it did not run. */
function runJob(job: Job, dir: string, env: Record<string, string> = {}): string[] {
  const notRun: string[] = [];
  for (const step of job.steps) {
    if (step.uses) {
      expect(NOT_RUN.actions, `${job.file} (${job.name}) uses ${step.uses}: run it here, or list it in NOT_RUN`).toContain(step.uses.replace(/@[^@]*$/, ''));
      notRun.push(step.uses);
      continue;
    }
    const command = step.run!.trim();
    if (NOT_RUN.apt.test(command) || NOT_RUN.install.test(command)) {
      notRun.push(command);
      continue;
    }
    if (ran.has(command)) continue;
    ran.add(command);
    const result = sh(command, dir, { ...job.env, ...step.env, ...env });
    expect(result.code, `${job.file} (${job.name}): ${command}\n${result.output.slice(-4000)}`).toBe(0);
  }
  return notRun;
}

describe('the commands of every host’s deploy config, run in a created site', { timeout: 600_000 }, () => {
  const built = () => site('github');

  test('what is not run here is only the platforms’ own actions, the Debian packages the machine has, and npm ci', () => {
    expect(existsSync('/usr/bin/chromium') || Boolean(process.env.CHROMIUM_PATH), 'Debian’s chromium, as the workflows install').toBe(true);
    expect(spawnSync('java', ['-version']).status, 'Java, as the workflows install').toBe(0);
  });

  test('GitHub Pages: the publish workflow builds, checks, and uploads dist/ of the project site under /website/', () => {
    const jobs = actionsJobs('github');
    const notRun = jobs.flatMap((job) => runJob(job, built()));
    expect(notRun.filter((step) => step.startsWith('actions/'))).toEqual(
      expect.arrayContaining(['actions/upload-pages-artifact@v3', 'actions/deploy-pages@v4', 'actions/cache@v4']),
    );
    expect(ran).toContain('npm run build');
    expect(ran).toContain('npm run check');
    const upload = jobs.flatMap((job) => job.steps).find((step) => step.uses?.startsWith('actions/upload-pages-artifact'));
    expect(existsSync(join(built(), upload!.with!.path!, 'index.html'))).toBe(true);
    expect(existsSync(join(built(), upload!.with!.path!, '404.html'))).toBe(true);
    expect(readFileSync(join(built(), 'dist/index.html'), 'utf8')).toContain('href="https://riverside.github.io/website/"');
    // The cache the workflow keeps between runs is what the build filled.
    const cache = jobs.flatMap((job) => job.steps).find((step) => step.uses?.startsWith('actions/cache'));
    expect(readdirSync(join(built(), cache!.with!.path!)).length).toBeGreaterThan(0);
  });

  test('GitLab Pages: the pages job’s commands run, keep the image cache beside node_modules/, and publish dist/', () => {
    const jobs = gitlabJobs();
    for (const job of jobs) runJob(job, built());
    // The job moved the image cache out of node_modules/ for GitLab to keep, and the next pipeline's moves it back.
    expect(readdirSync(join(built(), '.astro-cache')).length).toBeGreaterThan(0);
    const moveIn = jobs[1]!.steps.map((step) => step.run!).find((command) => command.includes('mv .astro-cache'))!;
    expect(sh(moveIn, built()).code).toBe(0);
    expect(existsSync(join(built(), 'node_modules/.astro'))).toBe(true);
    const config = parse(readFileSync(join(site('gitlab'), '.gitlab-ci.yml'), 'utf8'));
    expect(existsSync(join(built(), config.pages.pages.publish, 'index.html'))).toBe(true);
  });

  test('Netlify: the build command Netlify resolves from netlify.toml has run; its publish folder has the site and its _headers', async () => {
    const { config } = await resolveConfig({ repositoryRoot: site('netlify'), cwd: site('netlify'), offline: true, mode: 'cli', buffer: true });
    expect(ran).toContain(config.build.command);
    const publish = join(built(), config.build.publish.slice(site('netlify').length));
    expect(existsSync(join(publish, 'index.html'))).toBe(true);
    expect(readFileSync(join(publish, '_headers'), 'utf8')).toContain('X-Content-Type-Options: nosniff');
    for (const job of actionsJobs('netlify').filter((job) => !job.file.endsWith('rebuild.yml'))) runJob(job, built());
  });

  test('Cloudflare Pages: the build settings the next steps give are the ones run; the output folder has the site and its _headers', () => {
    const settings = /build command "([^"]+)", build output directory "([^"]+)"/.exec(sites.cloudflare.output);
    expect(settings, sites.cloudflare.output).not.toBeNull();
    expect(ran).toContain(settings![1]);
    expect(existsSync(join(built(), settings![2]!, 'index.html'))).toBe(true);
    expect(existsSync(join(built(), settings![2]!, '_headers'))).toBe(true);
  });

  test('the co-op: the check workflow’s commands have run; the nginx snippet is beside dist/', () => {
    for (const job of actionsJobs('coop')) runJob(job, built());
    expect(readFileSync(join(built(), 'openoutreach-nginx.conf'), 'utf8')).toContain('add_header X-Content-Type-Options "nosniff" always;');
  });

  describe('the daily rebuild on Netlify and Cloudflare: a call to the build hook', () => {
    let hookUrl: string;
    const calls: { method: string; body: string }[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        calls.push({ method: request.method!, body });
        response.end('{}');
      });
    });
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      hookUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/build_hooks/abc`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    test.each(['netlify', 'cloudflare'] as Host[])('--host %s: the workflow POSTs to the hook in the secret BUILD_HOOK_URL', async (host) => {
      const [job] = actionsJobs(host).filter((job) => job.file.endsWith('rebuild.yml'));
      const before = calls.length;
      const command = job!.steps[0]!.run!;
      expect((await shAsync(command, site(host), { BUILD_HOOK_URL: hookUrl })).code).toBe(0);
      expect(calls.slice(before)).toEqual([{ method: 'POST', body: '{}' }]);
    });

    test('without the secret, it fails saying what to add', () => {
      const [job] = actionsJobs('netlify').filter((job) => job.file.endsWith('rebuild.yml'));
      const result = sh(job!.steps[0]!.run!, site('netlify'), { BUILD_HOOK_URL: '' });
      expect(result.code).toBe(1);
      expect(result.output).toContain("Save your host's build hook address as the repository secret BUILD_HOOK_URL");
    });
  });

  test('Codeberg Pages: the publish workflow’s commands run, and its last one puts dist/ on the pages branch', () => {
    const forge = join(OUTPUT, 'deploy-forge');
    rmSync(forge, { recursive: true, force: true });
    execFileSync('git', ['init', '-q', '--bare', join(forge, 'riverside/website.git')]);
    const [job] = actionsJobs('codeberg').filter((job) => job.file.endsWith('deploy.yml'));
    try {
      runJob(job!, built(), { GITHUB_SERVER_URL: `file://${forge}`, GITHUB_REPOSITORY: 'riverside/website', GITHUB_SHA: 'abc123', PAGES_TOKEN: 'token' });
      const git = (...args: string[]) => execFileSync('git', ['--git-dir', join(forge, 'riverside/website.git'), ...args], { encoding: 'utf8' });
      const files = git('ls-tree', '-r', '--name-only', 'pages').split('\n');
      expect(files).toEqual(expect.arrayContaining(['index.html', '404.html', 'news/index.html']));
      expect(git('log', '--format=%s', 'pages').trim()).toBe('Publish abc123');
    } finally {
      rmSync(join(built(), 'dist/.git'), { recursive: true, force: true });
    }
  });
});
