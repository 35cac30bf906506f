import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

/**
 * The starter's files for keeping a member's site up to date: its CI workflows, its Renovate
 * config and its install-script policy, checked against the starter's real scripts and the
 * packages it really installs.
 */
const REPO = join(import.meta.dirname, '../../..');
const STARTER = join(REPO, 'starter');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const starter = readJson(join(STARTER, 'package.json'));

/** The kit's published packages, from the monorepo's packages/ and themes/. */
const kitPackages: string[] = ['packages', 'themes'].flatMap((folder) =>
  readdirSync(join(REPO, folder))
    .map((name) => join(REPO, folder, name, 'package.json'))
    .filter((path) => existsSync(path))
    .map((path) => readJson(path))
    .filter((pkg) => !pkg.private)
    .map((pkg) => pkg.name as string),
);

interface Job {
  commands: string[];
  env: Record<string, string>;
  image: string;
}

/** Each platform's job: the shell commands it runs in order, its environment and its image. */
const PLATFORMS: Record<string, () => { job: Job; triggers: string[] }> = {
  'GitHub Actions': () => actionsJob('.github/workflows/check.yml'),
  'Forgejo and Codeberg Actions': () => actionsJob('.forgejo/workflows/check.yml'),
  'GitLab CI': () => {
    const config = parse(readFileSync(join(STARTER, '.gitlab-ci.yml'), 'utf8'));
    const job = { ...config[config.check.extends], ...config.check };
    const triggers = (config.workflow.rules as { if: string; when?: string }[])
      .filter((rule) => rule.when !== 'never')
      .map((rule) => (rule.if.includes('merge_request_event') ? 'pull_request' : rule.if === '$CI_COMMIT_BRANCH' ? 'push' : rule.if));
    return { job: { commands: [...job.before_script, ...job.script], env: job.variables, image: job.image }, triggers };
  },
};

function actionsJob(file: string) {
  const workflow = parse(readFileSync(join(STARTER, file), 'utf8'));
  const jobs = Object.values(workflow.jobs) as {
    env: Record<string, string>;
    container: string | { image: string };
    steps: { run?: string; uses?: string }[];
  }[];
  expect(jobs).toHaveLength(1);
  const [job] = jobs as [(typeof jobs)[number]];
  expect(job.steps[0]?.uses, `${file}: the first step checks the repository out`).toMatch(/actions\/checkout@v\d+$/);
  const image = typeof job.container === 'string' ? job.container : job.container.image;
  return { job: { commands: job.steps.flatMap((step) => (step.run ? [step.run] : [])), env: job.env, image }, triggers: Object.keys(workflow.on) };
}

describe.each(Object.keys(PLATFORMS))('the CI workflow for %s', (platform) => {
  const { job, triggers } = PLATFORMS[platform]!();

  test('runs on every push and pull (merge) request', () => {
    expect(triggers.sort()).toEqual(['pull_request', 'push']);
  });

  test('installs from the lockfile, builds, then checks, with the starter’s own scripts', () => {
    const npm = job.commands.filter((command) => command.startsWith('npm '));
    const withoutOptions = (command: string) => command.split(' --')[0];
    expect(npm.map(withoutOptions)).toEqual(['npm ci', 'npm run build', 'npm run check']);
    for (const command of npm.filter((command) => command.startsWith('npm run '))) {
      expect(Object.keys(starter.scripts), command).toContain(command.split(' ')[2]);
    }
  });

  test('gives the check a Chromium where CHROMIUM_PATH says, and Java, before it runs', () => {
    const apt = job.commands.find((command) => command.includes('apt-get install'));
    expect(apt).toBeDefined();
    expect(job.commands.indexOf(apt!)).toBeLessThan(job.commands.indexOf('npm run check'));
    expect(apt!.split(/\s+/)).toEqual(expect.arrayContaining(['chromium', 'default-jre-headless']));
    expect(job.env.CHROMIUM_PATH).toBe('/usr/bin/chromium'); // where Debian's chromium package puts it
    expect(job.image).toMatch(/^node:(\d+)-bookworm$/); // Debian 12, whose chromium the kit's tests use
  });

  test('runs a Node the kit supports: the recommended 24 or newer', () => {
    const major = Number(/^node:(\d+)/.exec(job.image)?.[1]);
    const minimum = Number(/>=\s*(\d+)/.exec(readJson(join(REPO, 'package.json')).engines.node)?.[1]);
    expect(major).toBeGreaterThanOrEqual(Math.max(minimum, 24));
  });
});

describe('Renovate', () => {
  const renovate = readJson(join(STARTER, 'renovate.json'));
  const group = (renovate.packageRules as { groupName?: string; matchPackageNames?: string[]; automerge?: boolean }[]).find((rule) => rule.groupName);

  test('groups the kit’s packages and Astro in one update, merged by Renovate itself once the checks pass', () => {
    expect(group?.automerge).toBe(true);
    // Renovate, not the platform, merges: it waits for green checks even without branch protection.
    expect(renovate.platformAutomerge).toBe(false);
    expect(renovate.ignoreTests).toBeUndefined();
  });

  test('the group names every kit package the starter depends on, and Astro', () => {
    const kitDependencies = Object.keys(starter.dependencies).filter((name) => kitPackages.includes(name) || name === 'astro');
    expect(kitDependencies).toContain('@openoutreach/astro');
    expect(kitDependencies).toContain('astro');
    for (const name of kitDependencies) expect(matches(group?.matchPackageNames ?? [], name), name).toBe(true);
  });

  test('the group names every package the kit publishes, so a new one is grouped too', () => {
    for (const name of kitPackages.filter((name) => name !== 'create-openoutreach')) {
      expect(matches(group?.matchPackageNames ?? [], name), `${name}: add it to the group in starter/renovate.json`).toBe(true);
    }
    expect(matches(group?.matchPackageNames ?? [], 'react')).toBe(false);
  });
});

/** Renovate's matchPackageNames: exact names, globs (`@scope/**`) and /regular expressions/. */
function matches(patterns: string[], name: string): boolean {
  return patterns.some((pattern) => {
    const regex = /^\/(.*)\/([a-z]*)$/.exec(pattern);
    if (regex) return new RegExp(regex[1]!, regex[2]).test(name);
    if (!pattern.includes('*')) return pattern === name;
    const glob = pattern
      .split('**')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
      .join('.*');
    return new RegExp(`^${glob}$`).test(name);
  });
}

describe('install scripts (npm 11 allowScripts)', () => {
  test('every package a member’s install gets that has an install script is reviewed: allowed or denied', () => {
    const withScripts = [...installedWithScripts()].sort();
    expect(withScripts).toEqual(expect.arrayContaining(['esbuild', 'vnu-jar']));
    for (const name of withScripts) expect(Object.keys(starter.allowScripts), `${name}: add it to allowScripts in starter/package.json`).toContain(name);
  });

  test('vnu-jar may not download Java (the check uses the system’s); esbuild and sharp may set up their binaries', () => {
    expect(starter.allowScripts).toMatchObject({ 'vnu-jar': false, esbuild: true, sharp: true });
  });
});

/**
 * The names of the packages with install scripts among everything the starter's dependencies
 * bring, following the monorepo's lockfile the way Node resolves (nearest node_modules first);
 * the kit's own packages are workspace links, and bring their dependencies, not their devDependencies.
 */
function installedWithScripts(): Set<string> {
  const lock = readJson(join(REPO, 'package-lock.json'));
  const packages: Record<
    string,
    { link?: boolean; resolved?: string; hasInstallScript?: boolean; dependencies?: object; optionalDependencies?: object; peerDependencies?: object }
  > = lock.packages;
  const find = (name: string, from: string): string | undefined => {
    for (let dir = from; ;) {
      const key = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
      if (packages[key]) return key;
      if (!dir) return undefined;
      const up = dir.lastIndexOf('/node_modules/');
      dir = up === -1 ? '' : dir.slice(0, up);
    }
  };
  const seen = new Set<string>();
  const found = new Set<string>();
  const visit = (key: string) => {
    const entry = packages[key];
    if (!entry || seen.has(key)) return;
    seen.add(key);
    if (entry.link && entry.resolved) return visit(entry.resolved);
    if (entry.hasInstallScript) found.add(key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies })) {
      const dependency = find(name, key);
      if (dependency) visit(dependency);
    }
  };
  visit('starter');
  return found;
}

test('`npm run upgrade` runs the kit’s upgrade command, which the kit publishes', () => {
  expect(starter.scripts.upgrade).toBe('npx --yes @openoutreach/upgrade@latest');
  expect(kitPackages).toContain('@openoutreach/upgrade');
});
