import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { resolveConfig } from '@netlify/config';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { create } from './create.mjs';
import { HOST_FILES, HOST_NAMES, HOSTS, type Host } from './hosts.mjs';
import { dailyCronInUtc } from './schedule.mjs';

/**
 * The deploy configuration of a site created for each host, checked the way the host reads it:
 * GitHub's own workflow parser (@actions/workflow-parser, what GitHub's editor tooling uses) for
 * GitHub and Forgejo workflows, GitLab's CI schema through gitlab-ci-local for .gitlab-ci.yml,
 * and Netlify's own config resolver (@netlify/config) for netlify.toml. Each validator is also
 * shown a broken copy, to prove it can fail. Running the commands is tests/e2e/deploy-configs.test.ts.
 */

// @actions/workflow-parser imports its JSON schema without `with { type: 'json' }`, which Node
// refuses outside a bundler: give that import its attribute.
registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context);
    return result.url.includes('/@actions/workflow-parser/') && result.url.endsWith('.json') ? { ...result, importAttributes: { type: 'json' } } : result;
  },
});
const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await import('@actions/workflow-parser');

const require = createRequire(import.meta.url);
const GITLAB_CI_LOCAL = require.resolve('gitlab-ci-local');

const ZONE = 'Europe/Paris';
const root = mkdtempSync(join(tmpdir(), 'create-openoutreach-hosts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sites = {} as Record<Host, string>;
beforeAll(async () => {
  for (const host of HOST_NAMES) {
    const argv = [host, '--name', 'Riverside', '--host', host, '--repo', 'riverside/website', '--branch', 'live', '--time-zone', ZONE, '--no-install'];
    const lines: string[] = [];
    const code = await create(argv, {
      cwd: root,
      input: new PassThrough(),
      log: (line) => lines.push(line),
      env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' },
    });
    expect(code, lines.join('\n')).toBe(0);
    sites[host] = join(root, host);
  }
});

const read = (host: Host, file: string) => readFileSync(join(sites[host], file), 'utf8');

/** The problems GitHub's parser finds in a workflow: schema errors, then conversion errors. */
async function workflowProblems(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const problems = parsed.context.errors.getErrors().map((error) => error.message);
  if (problems.length || !parsed.value) return problems;
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return (template.errors ?? []).map((error) => error.Message);
}

/** gitlab-ci-local's reading of a folder's .gitlab-ci.yml, validated against GitLab's CI schema. */
function gitlabCi(dir: string) {
  const result = spawnSync(process.execPath, [GITLAB_CI_LOCAL, '--preview'], { cwd: dir, encoding: 'utf8' });
  return {
    ok: result.status === 0 && !/Invalid \.gitlab-ci\.yml/.test(result.stdout + result.stderr),
    output: result.stdout + result.stderr,
    config: result.status === 0 ? parse(result.stdout.slice(result.stdout.indexOf('---'))) : undefined,
  };
}

describe.each(HOST_NAMES)('a site created for --host %s', (host) => {
  test('has its host’s files, and none of the other hosts’', () => {
    for (const file of HOST_FILES) expect(existsSync(join(sites[host], file)), file).toBe(HOSTS[host].files.includes(file));
  });

  test('saves CMS edits to its repository and branch', () => {
    const backend = HOSTS[host].backend('riverside/website', 'live', undefined);
    expect(read(host, 'astro.config.mjs')).toContain(`cms: { backend: { name: '${backend.name}', repo: 'riverside/website', branch: 'live'`);
  });
});

describe('GitHub Actions and Forgejo Actions workflows', () => {
  const workflows = HOST_NAMES.flatMap((host) =>
    HOSTS[host].files.filter((file) => /^\.(github|forgejo)\/workflows\//.test(file)).map((file) => [host, file] as [Host, string]),
  );

  test.each(workflows)('--host %s: %s is valid for GitHub’s workflow parser', async (host, file) => {
    expect(await workflowProblems(file, read(host, file))).toEqual([]);
  });

  test('the parser finds a mistake', async () => {
    const broken = read('github', '.github/workflows/deploy.yml').replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    run-on: ubuntu-latest');
    expect((await workflowProblems('deploy.yml', broken)).join('\n')).toContain("Unexpected value 'run-on'");
  });

  test.each([
    ['github', '.github/workflows/deploy.yml'],
    ['netlify', '.github/workflows/rebuild.yml'],
    ['cloudflare', '.github/workflows/rebuild.yml'],
  ] as [Host, string][])('--host %s: %s rebuilds daily at 00:17 on the site’s clock, and by hand', (host, file) => {
    const on = parse(read(host, file)).on;
    expect(on.schedule).toEqual([{ cron: '17 0 * * *', timezone: ZONE }]);
    expect(on).toHaveProperty('workflow_dispatch');
  });

  test('Forgejo knows no time zones: its cron is 00:17 Paris winter time in UTC', () => {
    const on = parse(read('codeberg', '.forgejo/workflows/deploy.yml')).on;
    expect(on.schedule).toEqual([{ cron: dailyCronInUtc(ZONE) }]);
    expect(dailyCronInUtc(ZONE)).toBe('17 23 * * *');
    expect(read('codeberg', '.forgejo/workflows/deploy.yml')).toContain(`here ${ZONE}`);
  });

  test.each([
    ['github', '.github/workflows/deploy.yml'],
    ['codeberg', '.forgejo/workflows/deploy.yml'],
  ] as [Host, string][])('--host %s: publishes on every push to the site’s branch', (host, file) => {
    expect(parse(read(host, file)).on.push).toEqual({ branches: ['live'] });
  });

  test.each([
    ['github', '.github/workflows/check.yml', { 'branches-ignore': ['live'] }],
    ['codeberg', '.forgejo/workflows/check.yml', { 'branches-ignore': ['live'] }],
    ['netlify', '.github/workflows/check.yml', null],
    ['coop', '.github/workflows/check.yml', null],
  ] as [Host, string, object | null][])(
    '--host %s: %s checks pull requests and pushes, leaving the published branch to the deploy workflow if there is one',
    (host, file, push) => {
      const on = parse(read(host, file)).on;
      expect(on.push).toEqual(push);
      expect(on).toHaveProperty('pull_request');
    },
  );

  test('GitHub Pages: build, check, then deploy what the build wrote', () => {
    const workflow = parse(read('github', '.github/workflows/deploy.yml'));
    const steps: { run?: string; uses?: string; with?: Record<string, string> }[] = workflow.jobs.build.steps;
    const order = steps.map((step) => step.run ?? step.uses?.replace(/@.*/, ''));
    expect(order.indexOf('npm run build')).toBeLessThan(order.indexOf('npm run check'));
    expect(order.indexOf('npm run check')).toBeLessThan(order.indexOf('actions/upload-pages-artifact'));
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))?.with).toEqual({ path: 'dist' });
    expect(workflow.jobs.deploy.steps.map((step: { uses: string }) => step.uses.replace(/@.*/, ''))).toEqual(['actions/deploy-pages']);
    expect(workflow.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  test.each([
    ['github', '.github/workflows/deploy.yml', 'build'],
    ['codeberg', '.forgejo/workflows/deploy.yml', 'publish'],
  ] as [Host, string, string][])('--host %s: the image cache is restored after `npm ci`, keyed on the assets and the lockfile', (host, file, job) => {
    const steps: { run?: string; uses?: string; with?: Record<string, string> }[] = parse(read(host, file)).jobs[job].steps;
    const cache = steps.findIndex((step) => /actions\/cache@/.test(step.uses ?? ''));
    expect(steps[cache]?.with).toMatchObject({ path: 'node_modules/.astro', key: "astro-${{ hashFiles('src/assets/**', 'package-lock.json') }}" });
    expect(cache).toBeGreaterThan(steps.findIndex((step) => step.run === 'npm ci'));
    expect(cache).toBeLessThan(steps.findIndex((step) => step.run === 'npm run build'));
  });
});

describe('GitLab CI', () => {
  test('.gitlab-ci.yml is valid against GitLab’s CI schema, with a pages job publishing dist/ from the default branch', () => {
    const { ok, output, config } = gitlabCi(sites.gitlab);
    expect(ok, output).toBe(true);
    expect(config.pages.pages).toEqual({ publish: 'dist' });
    expect(config.pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(config.pages.script).toContain('npm run check');
    expect(config.check.rules).toEqual([{ if: '$CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH' }]);
  });

  test('it says which schedule to set, in the site’s time zone', () => {
    expect(read('gitlab', '.gitlab-ci.yml')).toContain(`interval pattern \`17 0 * * *\`\n# (00:17 every day), Cron timezone: ${ZONE}`);
  });

  test('the schema check finds a mistake', () => {
    const broken = join(root, 'gitlab-broken');
    mkdirSync(broken);
    writeFileSync(
      join(broken, '.gitlab-ci.yml'),
      read('gitlab', '.gitlab-ci.yml').replace('  pages:\n    publish: dist', '  pages:\n    publish: dist\n  artefacts: [dist]'),
    );
    execFileSync('git', ['init', '-q'], { cwd: broken });
    const { ok, output } = gitlabCi(broken);
    expect(ok).toBe(false);
    expect(output).toContain("'artefacts' property is not expected to be here");
  });
});

/** The keys Netlify documents for netlify.toml (docs.netlify.com, file-based configuration). */
const NETLIFY_KEYS = {
  top: ['build', 'context', 'plugins', 'redirects', 'headers', 'functions', 'edge_functions', 'dev', 'images'],
  build: ['base', 'package', 'publish', 'command', 'functions', 'edge_functions', 'ignore', 'environment', 'processing'],
};
/** What @netlify/config adds to `build` itself while resolving. */
const NETLIFY_RESOLVED = ['publishOrigin', 'commandOrigin', 'services'];

async function netlifyConfig(dir: string) {
  const { config } = await resolveConfig({ repositoryRoot: dir, cwd: dir, offline: true, mode: 'cli', buffer: true });
  const unknown = [
    ...Object.keys(config).filter((key) => !NETLIFY_KEYS.top.includes(key)),
    ...Object.keys(config.build)
      .filter((key) => !NETLIFY_KEYS.build.includes(key) && !NETLIFY_RESOLVED.includes(key))
      .map((key) => `build.${key}`),
  ];
  return { config, unknown };
}

describe('Netlify', () => {
  test('netlify.toml, as Netlify resolves it: builds with `npm run build` on Node 24 and publishes dist/, with documented keys only', async () => {
    const { config, unknown } = await netlifyConfig(sites.netlify);
    expect(unknown).toEqual([]);
    expect(config.build.command).toBe('npm run build');
    expect(config.build.publish).toBe(join(sites.netlify, 'dist'));
    expect(config.build.environment).toEqual({ NODE_VERSION: '24' });
    // The build's dist/_headers carries the headers: none are repeated here.
    expect(config.headers).toEqual([]);
  });

  test('the key check finds a mistake', async () => {
    const broken = join(root, 'netlify-broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'netlify.toml'), read('netlify', 'netlify.toml').replace('[build]', '[build]\n  publish_dir = "dist"'));
    expect((await netlifyConfig(broken)).unknown).toEqual(['build.publish_dir']);
  });
});

test('Cloudflare Pages reads the Node version from .node-version: the one the workflows run', () => {
  expect(read('cloudflare', '.node-version').trim()).toBe('24');
  expect(parse(read('cloudflare', '.github/workflows/check.yml')).jobs.check.container).toBe('node:24-bookworm');
});
