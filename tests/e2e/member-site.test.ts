import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAGE_TYPES } from '../../packages/core/src/page-types.ts';
import { launchBrowser } from '../support/browser.ts';
import { commitCount, openAdmin, openEditorPage, publish, waitForCommit, type LocalEditing } from '../support/cms.ts';
import { freePort, git } from '../support/site-repo.ts';
import { publishKit, run, startRegistry, type Registry } from '../support/registry.ts';
import { REPO_ROOT } from '../support/sites.ts';
import { configWithTheme } from '../support/themes.ts';

/**
 * A newcomer's whole journey, outside this repository, with nothing but npm and a registry the
 * kit was published to: `npm create openoutreach`, the printed next steps as typed (local
 * editing, a news post published in the browser CMS), then the README's other commands: build,
 * dev, check. The kit is published from this repository as the co-op releases it.
 */

const STEP = 300_000;
const GROUP = 'Maple Street Tenants';

let registry: Registry;
let home: string;
/** The new site's folder, once `npm create` made it and the next steps went into it. */
let madeSite: string | undefined;
let nextSteps: string[] | undefined;

/** The site the earlier steps made; a step after a failed one fails saying so, not in the wrong folder. */
function site(): string {
  if (!madeSite) throw new Error('No site: an earlier step of the journey failed (above).');
  return madeSite;
}

beforeAll(async () => {
  registry = await startRegistry();
  home = mkdtempSync(join(tmpdir(), 'oo-member-'));
}, 60_000);

afterAll(async () => {
  await registry?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('a newcomer making a site from the published kit', () => {
  test(
    'the co-op publishes the kit to the registry, leaving nothing behind in the repository',
    async () => {
      const before = untrackedInRepository();
      await publishKit(registry);
      expect(untrackedInRepository()).toEqual(before);
      for (const name of ['create-openoutreach', '@openoutreach/astro', '@openoutreach/theme-commons', '@openoutreach/upgrade']) {
        const view = await run('npm', ['view', name, 'version'], { cwd: home, env: registry.env });
        expect(view.output.trim(), `${name} on the registry`).toBe(kitVersion());
      }
    },
    STEP,
  );

  test(
    '`npm create openoutreach` makes the site, installed and committed, and prints the next steps',
    async () => {
      const created = await run('npm', ['create', 'openoutreach@latest', 'my-site', '--', '--name', GROUP, '--yes'], { cwd: home, env: registry.env });
      expect(created.code, said(created)).toBe(0);
      expect(created.output).toContain(`The site of ${GROUP} is ready in my-site/.`);
      nextSteps = created.output
        .split('Next steps:\n')[1]!
        .split('\n\n')[0]!
        .split('\n')
        .map((line) => line.slice(2));
      expect(nextSteps).toEqual(['cd my-site', 'npm run edit']);
      const folder = join(home, 'my-site');
      madeSite = folder;
      expect(git(folder, 'status', '--porcelain'), 'everything committed').toBe('');
      expect(git(folder, 'ls-files')).toContain('package-lock.json');
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
      expect(manifest.dependencies['@openoutreach/astro']).toContain(kitVersion());
      // The kit came from the registry, not from this repository.
      const lock = readFileSync(join(folder, 'package-lock.json'), 'utf8');
      expect(lock).not.toContain(REPO_ROOT);
    },
    STEP,
  );

  test(
    'the next steps, as typed, start local editing; a news post published in the CMS is a commit',
    async () => {
      let cwd = home;
      let editing: LongRunning | undefined;
      const ports = { site: await freePort(), cms: await freePort() };
      for (const step of nextSteps ?? []) {
        const cd = /^cd (.+)$/.exec(step);
        if (cd) cwd = join(cwd, cd[1]!);
        else if (step === 'npm run edit') {
          editing = await start(step, cwd, { OPENOUTREACH_SITE_PORT: String(ports.site), OPENOUTREACH_CMS_PORT: String(ports.cms) }, /ready in|Local\s+http/);
        } else {
          const result = await run('sh', ['-c', step], { cwd, env: registry.env });
          expect(result.code, `${step}\n${said(result)}`).toBe(0);
        }
      }
      expect(cwd, 'the next steps go into the new site').toBe(site());
      expect(editing, 'the next steps start local editing').toBeDefined();
      const browser = await launchBrowser();
      try {
        const cms = { site: cwd, ports, adminUrl: `http://127.0.0.1:${ports.site}/admin/`, editing: { output: editing!.output } } as unknown as LocalEditing;
        const page: Page = await openEditorPage(browser);
        const before = commitCount(cwd);
        await openAdmin(page, cms, '#/collections/news/new', 'member-site-cms');
        await page.getByLabel('Title', { exact: true }).fill('Tenants meeting on heating');
        await page.getByLabel('Publication date').fill('2026-11-07');
        await page.getByLabel(/^Summary/).fill('Bring your heating bills to the meeting.');
        await page.locator('[contenteditable=true]').first().click();
        await page.keyboard.type('We meet in the lobby on Monday at 7 pm.');
        await publish(page);
        expect(await waitForCommit(cwd, before), editing!.output().slice(-3000)).toBeGreaterThan(before);
        expect(readFileSync(join(cwd, 'src/content/news/tenants-meeting-on-heating.md'), 'utf8')).toContain('title: Tenants meeting on heating');
        expect(git(cwd, 'status', '--porcelain')).toBe('');
      } finally {
        await browser.close();
        await editing?.stop();
      }
    },
    STEP,
  );

  test(
    '`npm run build` builds the site with the new post',
    async () => {
      const built = await run('npm', ['run', 'build'], { cwd: site(), env: registry.env });
      expect(built.code, said(built)).toBe(0);
      const post = readFileSync(join(site(), 'dist/news/tenants-meeting-on-heating/index.html'), 'utf8');
      expect(post).toContain('<h1>Tenants meeting on heating</h1>');
      expect(readFileSync(join(site(), 'dist/index.html'), 'utf8')).toContain(GROUP);
    },
    STEP,
  );

  test(
    '`npm run dev` serves a page of every page type',
    async () => {
      const byType = pagesByType(join(site(), 'dist'));
      expect([...byType.keys()].sort()).toEqual([...PAGE_TYPES].filter((type) => type !== 'not-found').sort());
      const port = await freePort();
      const dev = await start(`npm run dev -- --port ${port} --host 127.0.0.1`, site(), {}, /ready in|Local\s+http/);
      try {
        const answers: string[] = [];
        for (const [type, path] of byType) {
          const response = await fetch(`http://127.0.0.1:${port}${path}`);
          const html = await response.text();
          answers.push(`${type} ${path} ${response.status} ${pageType(html)}`);
        }
        const missing = await fetch(`http://127.0.0.1:${port}/no-such-page/`);
        answers.push(`not-found /no-such-page/ ${missing.status} ${pageType(await missing.text())}`);
        expect(answers, dev.output().slice(-3000)).toEqual([
          ...[...byType].map(([type, path]) => `${type} ${path} 200 ${type}`),
          'not-found /no-such-page/ 404 not-found',
        ]);
      } finally {
        await dev.stop();
      }
    },
    STEP,
  );

  test(
    '`npm run check` passes',
    async () => {
      const checked = await run('npm', ['run', 'check'], { cwd: site(), env: registry.env });
      expect(checked.code, said(checked)).toBe(0);
    },
    STEP,
  );

  test(
    'switching to the harbour theme is one install and one line: the same pages, in the new look',
    async () => {
      const before = builtFiles(join(site(), 'dist'));
      const installed = await run('npm', ['install', '@openoutreach/theme-harbour'], { cwd: site(), env: registry.env });
      expect(installed.code, said(installed)).toBe(0);
      const config = join(site(), 'astro.config.mjs');
      writeFileSync(config, configWithTheme(readFileSync(config, 'utf8'), '@openoutreach/theme-harbour'));
      const built = await run('npm', ['run', 'build'], { cwd: site(), env: registry.env });
      expect(built.code, said(built)).toBe(0);
      expect(builtFiles(join(site(), 'dist'))).toEqual(before);
      const homePage = readFileSync(join(site(), 'dist/index.html'), 'utf8');
      expect(homePage).toContain('class="hb-masthead"');
      expect(homePage).toContain(GROUP);
    },
    STEP,
  );
});

/** The files of a build but Vite's and Pagefind's hashed assets, which are named after the theme's code. */
function builtFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dist.length + 1))
    .filter((file) => !/^(_astro|pagefind)\//.test(file))
    .sort();
}

describe('a developer adding the kit to a plain Astro project', () => {
  test(
    '`npx astro add @openoutreach/astro --yes` adds the integration; the build names what else it needs, and builds once that is done',
    async () => {
      const project = join(home, 'plain-astro');
      mkdirSync(join(project, 'src/pages'), { recursive: true });
      const astro = JSON.parse(readFileSync(join(REPO_ROOT, 'starter/package.json'), 'utf8')).dependencies.astro;
      writeFileSync(
        join(project, 'package.json'),
        JSON.stringify({ name: 'plain-astro', private: true, type: 'module', scripts: { build: 'astro build' }, dependencies: { astro } }, null, 2),
      );
      writeFileSync(join(project, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\n\nexport default defineConfig({});\n");
      writeFileSync(join(project, 'src/pages/about.astro'), '<h1>About us</h1>\n');
      const installed = await run('npm', ['install'], { cwd: project, env: registry.env });
      expect(installed.code, said(installed)).toBe(0);

      const added = await run('npx', ['astro', 'add', '@openoutreach/astro', '--yes'], { cwd: project, env: registry.env });
      expect(added.code, said(added)).toBe(0);
      const config = readFileSync(join(project, 'astro.config.mjs'), 'utf8');
      expect(config).toMatch(/import \w+ from ['"]@openoutreach\/astro['"]/);
      expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).dependencies).toHaveProperty('@openoutreach/astro');

      // The first build says what the kit needs beyond the integration, each with its fix…
      const first = await run('npm', ['run', 'build'], { cwd: project, env: registry.env });
      expect(first.code).not.toBe(0);
      expect(first.output).toContain("Fix: add `site: 'https://your-group.org'` to defineConfig");
      expect(first.output).toContain("Fix: add it to the site's dependencies: run `npm install @openoutreach/theme-commons`");
      expect(first.output).toContain('Fix: create src/settings/site.yaml');
      expect(first.output).toContain('export const collections = openOutreachCollections();');
      expect(first.output).not.toMatch(/\n\s+at /);

      // …and with the fixes made as they say, it builds.
      writeFileSync(join(project, 'astro.config.mjs'), config.replace('defineConfig({', "defineConfig({\n  site: 'https://maple-street.example',"));
      mkdirSync(join(project, 'src/settings'), { recursive: true });
      writeFileSync(
        join(project, 'src/content.config.ts'),
        "import { openOutreachCollections } from '@openoutreach/astro/content';\nexport const collections = openOutreachCollections();\n",
      );
      writeFileSync(join(project, 'src/settings/site.yaml'), `name: ${GROUP}\n`);
      // The home page's own problem ("Fix: create it with at least "title: Welcome"") only shows
      // once the settings exist.
      mkdirSync(join(project, 'src/content/pages'), { recursive: true });
      writeFileSync(join(project, 'src/content/pages/home.md'), '---\ntitle: Welcome\n---\n');
      const theme = await run('npm', ['install', '@openoutreach/theme-commons'], { cwd: project, env: registry.env });
      expect(theme.code, said(theme)).toBe(0);
      const built = await run('npm', ['run', 'build'], { cwd: project, env: registry.env });
      expect(built.code, said(built)).toBe(0);
      expect(readFileSync(join(project, 'dist/index.html'), 'utf8')).toContain(GROUP);
    },
    STEP,
  );
});

/** What a command printed, for a failure: its start (npm's error) and its end, without npm's usage text between. */
function said({ output }: { output: string }): string {
  const lines = output.split('\n');
  const usage = lines.findIndex((line) => line.startsWith('npm error Usage:'));
  const help = lines.findIndex((line) => line.startsWith('npm error Run "npm help'));
  const text = (usage >= 0 && help > usage ? [...lines.slice(0, usage), '(npm’s usage text)', ...lines.slice(help + 1)] : lines).join('\n');
  return text.length <= 5000 ? text : `${text.slice(0, 2000)}\n…\n${text.slice(-3000)}`;
}

/** The kit's version in this repository: what `npm create openoutreach@latest` should get. */
function kitVersion(): string {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'packages/astro/package.json'), 'utf8')).version;
}

/** Untracked files in the repository (ignored ones, such as built dist/, aside). */
function untrackedInRepository(): string[] {
  return git(REPO_ROOT, 'status', '--porcelain', '--untracked-files=all')
    .split('\n')
    .filter((line) => line.startsWith('??'));
}

const pageType = (html: string) => /<body[^>]*\sdata-page-type="([^"]+)"/.exec(html)?.[1] ?? 'none';

/** The first built page of each page type, by its address. */
function pagesByType(dist: string): Map<string, string> {
  const pages = new Map<string, string>();
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('admin/'))
    .sort();
  for (const file of files) {
    const type = pageType(readFileSync(join(dist, file), 'utf8'));
    if (type === 'none' || type === 'not-found' || pages.has(type)) continue;
    pages.set(type, `/${file.replace(/index\.html$/, '')}`);
  }
  return new Map([...pages].sort(([a], [b]) => a.localeCompare(b)));
}

interface LongRunning {
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts a command line that keeps running (a server) in `cwd` with the registry's environment,
 * and resolves once its output matches `ready`; fails with its output if it ends first or is
 * not ready in two minutes.
 */
async function start(line: string, cwd: string, env: NodeJS.ProcessEnv, ready: RegExp): Promise<LongRunning> {
  // In a process group of its own, so that stopping it stops npm's children too.
  const child = spawn('sh', ['-c', line], { cwd, env: { ...registry.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
    await closed;
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`\`${line}\` was not ready in 2 minutes:\n${output.slice(-3000)}`)), 120_000);
    const listen = (chunk: Buffer) => {
      output += chunk;
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
    void closed.then(() => {
      clearTimeout(timer);
      reject(new Error(`\`${line}\` ended before it was ready:\n${output.slice(-3000)}`));
    });
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { output: () => output, stop };
}
