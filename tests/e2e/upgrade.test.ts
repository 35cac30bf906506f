import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { publishKit, run, startRegistry, type Registry } from '../support/registry.ts';
import { REPO_ROOT } from '../support/sites.ts';

/**
 * The co-op's upgrade path, end to end: the kit as it is here is published as version N; a
 * member site is made from it with `npm create openoutreach`; the kit then gets a breaking
 * change with its migration (tests/fixtures/upgrade/announcement-link-text.patch: the
 * announcement's `linkLabel` renamed `linkText` in core, the integration, the theme and the
 * starter) and is released as N+1 with `npm run release`; the member site is upgraded with its
 * `npm run upgrade` (`npx @openoutreach/upgrade@latest`), first as a dry run.
 */

const PATCH = join(REPO_ROOT, 'tests/fixtures/upgrade/announcement-link-text.patch');
const MINUTES = 60_000;

let registry: Registry;
let home: string;
let site: string;
let kitVersion: string;
let nextVersion: string;
/** The site's first commit (made by `npm create`) and what was in it. */
let created: { head: string; settings: string; content: Map<string, string> };

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'oo-upgrade-e2e-'));
  registry = await startRegistry();
  await publishKit(registry);
  kitVersion = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/astro/package.json'), 'utf8')).version;
  // The site from N and the release of N+1 don't depend on each other: both at once.
  const [, next] = await Promise.all([createSite(), releaseNextVersion()]);
  nextVersion = next;
}, 6 * MINUTES);

afterAll(async () => {
  await registry?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

/** `npm create openoutreach@N`, as a new member does, in a folder outside this repository. */
async function createSite() {
  const result = await run('npm', ['create', `openoutreach@${kitVersion}`, 'maple-street', '--', '--name', 'Maple Street', '--yes'], {
    cwd: home,
    env: registry.env,
  });
  if (result.code !== 0) throw new Error(`npm create openoutreach failed:\n${result.output.slice(-4000)}`);
  site = join(home, 'maple-street');
  created = {
    head: git(site, 'rev-parse', 'HEAD').trim(),
    settings: readFileSync(join(site, 'src/settings/site.yaml'), 'utf8'),
    content: contentOf(site),
  };
}

/**
 * Version N+1: a clone of this repository's HEAD with the fixture patch committed, released to
 * the registry with `npm run release` as the co-op does. A clone (sharing this repository's
 * objects), not a worktree, so the release's commit and tag stay out of this repository.
 */
async function releaseNextVersion(): Promise<string> {
  const kit = join(home, 'kit');
  const head = git(REPO_ROOT, 'rev-parse', 'HEAD').trim();
  git(home, 'clone', '--quiet', '--shared', '--no-checkout', REPO_ROOT, kit);
  git(kit, 'checkout', '--quiet', '--detach', head);
  try {
    git(kit, 'apply', '--index', PATCH);
  } catch (error) {
    throw new Error(
      `the fixture patch no longer applies to the kit: regenerate it with the steps in tests/fixtures/upgrade/README.md.\n${(error as { stderr?: string }).stderr ?? error}`,
    );
  }
  git(kit, 'commit', '--quiet', '--message', 'The announcement link words are linkText');
  linkDependencies(kit);
  const released = await run('npm', ['run', 'release'], { cwd: kit, env: registry.env });
  if (released.code !== 0) throw new Error(`npm run release of the next version failed:\n${released.output.slice(-6000)}`);
  return JSON.parse(readFileSync(join(kit, 'packages/upgrade/package.json'), 'utf8')).version;
}

/**
 * Gives the clone this repository's installed dependencies without installing them again (an
 * `npm ci` takes minutes): a node_modules folder of links to this repository's packages, except
 * the workspaces, which are the clone's own folders (with links to their own node_modules). The release only builds and packs.
 */
function linkDependencies(kit: string) {
  const ours = join(REPO_ROOT, 'node_modules');
  const theirs = join(kit, 'node_modules');
  const workspaces = new Map<string, string>();
  for (const folder of ['packages', 'themes', 'sites']) {
    for (const name of readdirSync(join(kit, folder))) {
      const manifest = join(kit, folder, name, 'package.json');
      if (existsSync(manifest)) workspaces.set(JSON.parse(readFileSync(manifest, 'utf8')).name, join(kit, folder, name));
    }
  }
  workspaces.set('openoutreach-starter', join(kit, 'starter'));
  const scopes = new Set([...workspaces.keys()].filter((name) => name.startsWith('@')).map((name) => name.split('/')[0]!));
  mkdirSync(theirs);
  for (const entry of readdirSync(ours)) {
    if (scopes.has(entry)) {
      mkdirSync(join(theirs, entry));
      for (const name of readdirSync(join(ours, entry))) {
        if (!workspaces.has(`${entry}/${name}`)) symlinkSync(join(ours, entry, name), join(theirs, entry, name));
      }
    } else if (!workspaces.has(entry)) {
      symlinkSync(join(ours, entry), join(theirs, entry));
    }
  }
  for (const [name, folder] of workspaces) {
    symlinkSync(folder, join(theirs, name));
    // A workspace's own node_modules holds the versions that differ from the root's (e.g. the
    // importer's rehype-parse 9 beside an older one at the root).
    const path = relative(kit, folder);
    const own = join(REPO_ROOT, path, 'node_modules');
    if (/^(packages|themes)\//.test(path) && existsSync(own)) symlinkSync(own, join(folder, 'node_modules'));
  }
  // .gitignore's `node_modules/` matches folders only, not these links.
  appendFileSync(join(kit, '.git/info/exclude'), 'node_modules\n');
}

describe('upgrading a member site to the next kit', () => {
  test('the next version is newer, and its migration is published with it', async () => {
    expect(nextVersion).not.toBe(kitVersion);
    const view = await run('npm', ['view', '@openoutreach/astro', 'version'], { cwd: home, env: registry.env });
    expect(view.output.trim()).toBe(nextVersion);
  });

  test('a dry run shows package.json and the migration’s change, and changes nothing', async () => {
    const dry = await run('npm', ['run', 'upgrade', '--', '--dry-run'], { cwd: site, env: registry.env });
    expect(dry.code, dry.output.slice(-4000)).toBe(0);
    expect(dry.output).toContain(`Upgrading Open Outreach from ${kitVersion} to ${nextVersion} (dry run: nothing will be changed).`);
    expect(dry.output).toMatch(
      new RegExp(`-    "@openoutreach/astro": "\\^?${escape(kitVersion)}",\n(.*\n)*\\+    "@openoutreach/astro": "\\^?${escape(nextVersion)}",`),
    );
    expect(dry.output).toContain('--- a/src/settings/site.yaml\n+++ b/src/settings/site.yaml\n');
    expect(dry.output).toContain('\n-  linkLabel: Sign up to help\n+  linkText: Sign up to help\n');
    expect(dry.output).toContain('Nothing was changed (dry run).');
    expect(git(site, 'status', '--porcelain')).toBe('');
    expect(git(site, 'rev-parse', 'HEAD').trim()).toBe(created.head);
    expect(installedKit()).toBe(kitVersion);
  });

  test(
    'the upgrade installs the next kit, migrates the settings, builds, checks and commits',
    async () => {
      // `npm run check` is left to the member-site test (its gates take a minute and a half here).
      const upgraded = await run('npm', ['run', 'upgrade', '--', '--no-check'], { cwd: site, env: registry.env });
      expect(upgraded.code, upgraded.output.slice(-6000)).toBe(0);
      expect(upgraded.output).toContain('Building the site (`npm run build`)…');
      expect(upgraded.output).toContain('Skipped `npm run check` (--no-check).');
      expect(upgraded.output).toContain("The announcement's link words are `linkText` (they were `linkLabel`): changed src/settings/site.yaml");
      expect(upgraded.output).toContain(`Committed "Upgrade Open Outreach from ${kitVersion} to ${nextVersion}"`);
      expect(installedKit()).toBe(nextVersion);
      const manifest = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8'));
      const kit = Object.entries<string>(manifest.dependencies).filter(([name]) => name.startsWith('@openoutreach/'));
      expect(kit.length).toBeGreaterThan(2);
      for (const [name, range] of kit) expect(range, name).toMatch(new RegExp(`^\\^?${escape(nextVersion)}$`));
    },
    5 * MINUTES,
  );

  test('the commit holds exactly the versions and the migration, with the changelog in its message', () => {
    expect(git(site, 'rev-parse', 'HEAD~1').trim()).toBe(created.head);
    expect(git(site, 'diff', '--name-only', 'HEAD~1', 'HEAD').trim().split('\n').sort()).toEqual([
      'package-lock.json',
      'package.json',
      'src/settings/site.yaml',
    ]);
    expect(readFileSync(join(site, 'src/settings/site.yaml'), 'utf8')).toBe(
      created.settings.replace('\n  linkLabel: Sign up to help\n', '\n  linkText: Sign up to help\n'),
    );
    const message = git(site, 'log', '-1', '--format=%B');
    expect(message.split('\n')[0]).toBe(`Upgrade Open Outreach from ${kitVersion} to ${nextVersion}`);
    expect(message).toContain(`Migrations:\n- ${nextVersion} The announcement's link words are \`linkText\` (they were \`linkLabel\`)`);
    expect(message).toContain(`${nextVersion}:\n`);
    // The entry from each package's CHANGELOG.md: those installed in the site and the upgrade's own.
    expect(message).toMatch(
      /\n- (\w+: )?Breaking: the announcement banner's link words are `announcement.linkText` in the settings [^]*? renames the field\. \(@openoutreach\/astro, @openoutreach\/core, @openoutreach\/theme-commons, @openoutreach\/upgrade\)\n/,
    );
  });

  test('the change was a breaking one: the next kit refuses the settings as they were', async () => {
    const script = `import { siteSettingsSchema } from '@openoutreach/core';
      const result = siteSettingsSchema.safeParse(JSON.parse(process.argv[1]));
      console.log(result.success ? 'accepted' : JSON.stringify(result.error.issues));`;
    const parsed = await run('node', ['--input-type=module', '--eval', script, JSON.stringify(parse(created.settings))], { cwd: site, env: registry.env });
    expect(parsed.output).toContain('"code":"unrecognized_keys","keys":["linkLabel"],"path":["announcement"]');
  });

  test('the site built with the next kit, its content intact and the announcement’s link words shown', () => {
    expect(contentOf(site)).toEqual(created.content);
    const home = readFileSync(join(site, 'dist/index.html'), 'utf8');
    expect(home).toMatch(/<a href="[^"]*street-festival-volunteers\/?">Sign up to help<\/a>/);
    for (const path of created.content.keys()) {
      const news = /^src\/content\/news\/(.+)\.md$/.exec(path);
      if (news) expect(existsSync(join(site, 'dist/news', news[1]!, 'index.html')), path).toBe(true);
    }
  });
});

/** Every content file of a site, by path. */
function contentOf(dir: string) {
  const root = join(dir, 'src/content');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'));
  return new Map(files.sort().map((name) => [`src/content/${name}`, readFileSync(join(root, name), 'utf8')]));
}

function installedKit() {
  return JSON.parse(readFileSync(join(site, 'node_modules/@openoutreach/astro/package.json'), 'utf8')).version;
}

function git(cwd: string, ...args: string[]) {
  return execFileSync('git', args, { cwd, env: registry.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
