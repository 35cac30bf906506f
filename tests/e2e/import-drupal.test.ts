import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli as runCheck } from '../../packages/check/src/index.ts';
import { astroBuild, userEnvironment } from '../support/build.ts';
import { startMariaDb, type PrivateMariaDb } from '../support/mariadb.ts';
import { serveWithNginx } from '../support/nginx.ts';
import type { StaticServer } from '../support/server.ts';
import { fixture, REPO_ROOT } from '../support/sites.ts';

/**
 * A Drupal 7 Open Outreach site moved into a new member site as a co-op volunteer does it: the
 * fixture's dump loaded into a real MariaDB, `openoutreach-import` (the built bin) run against the
 * database into a copy of the starter, then again from the dump file itself, which must change
 * nothing; the site builds, passes every quality gate, and every old address redirects on nginx.
 */
const DRUPAL = fixture('drupal7');
const WORK = join(REPO_ROOT, 'tests/.output/import-drupal');
const SITE = join(WORK, 'site');
const BIN = join(REPO_ROOT, 'packages/import-drupal/bin/openoutreach-import.mjs');
const OLD_URL = 'http://riverside-tenants.example';

function runImport(database: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const args = [BIN, database, '--files', join(DRUPAL, 'files'), '--site', SITE, '--replace-content', '--old-url', OLD_URL];
    const child = spawn(process.execPath, args, { cwd: WORK, env: userEnvironment() });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Every file of the site's source (what its repository would hold), by path, as a content hash. */
function sourceHashes(): Record<string, string> {
  const skipped = /^(node_modules|dist|\.astro)(\/|$)|^openoutreach-nginx/;
  return Object.fromEntries(
    readdirSync(SITE, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(SITE, join(entry.parentPath, entry.name)))
      .filter((path) => !skipped.test(path))
      .sort()
      .map((path) => [
        path,
        createHash('sha256')
          .update(readFileSync(join(SITE, path)))
          .digest('hex'),
      ]),
  );
}

let database: PrivateMariaDb;
let firstRun: { code: number; output: string };
let redirects: { from: string; to: string }[];

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  cpSync(join(REPO_ROOT, 'starter'), SITE, { recursive: true, filter: (source) => !/[/\\](node_modules|dist|\.astro)$/.test(source) });
  database = await startMariaDb();
  const client = (args: string[], input?: string) => {
    const result = spawnSync('mariadb', ['--socket', database.socket, '--user', 'root', ...args], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`mariadb ${args.join(' ')} failed: ${result.stderr}`);
  };
  client(['-e', 'CREATE DATABASE drupal CHARACTER SET utf8mb4']);
  client(['drupal'], readFileSync(join(DRUPAL, 'drupal7.sql'), 'utf8'));
  firstRun = await runImport(`mysql://root@localhost/drupal?socket=${encodeURIComponent(database.socket)}`);
  redirects = existsSync(join(SITE, 'src/settings/redirects.yaml')) ? parse(readFileSync(join(SITE, 'src/settings/redirects.yaml'), 'utf8')).redirects : [];
}, 300_000);

afterAll(async () => {
  await database?.stop();
});

describe('openoutreach-import of a Drupal 7 Open Outreach site', () => {
  test('imports from the database with progress, a summary and a report naming what was left out', () => {
    expect(firstRun.code, firstRun.output).toBe(0);
    expect(firstRun.output).toMatch(/nodes: \d+\/\d+/);
    expect(firstRun.output).toMatch(/Imported Riverside Tenants’ Association: \d+ pages, \d+ news, \d+ events/);
    const report = JSON.parse(readFileSync(join(SITE, 'import-report.json'), 'utf8'));
    expect(report.languages).toEqual(['en', 'fr']);
    expect(report.notImported.map((item: { kind: string }) => item.kind)).toEqual(expect.arrayContaining(['webform', 'comment', 'user', 'contact']));
    expect(report.problems).toContainEqual(expect.objectContaining({ where: 'node/12', message: expect.stringContaining('missing-photo.jpg') }));
    expect(readFileSync(join(SITE, 'import-report.md'), 'utf8')).toMatch(/## Images to describe \(\d+\)/);
    // Unpublished nodes stay drafts; the starter's sample content is gone.
    expect(readFileSync(join(SITE, 'src/content/news/en/unpublished-blog-draft.md'), 'utf8')).toMatch(/^draft: true$/m);
    expect(existsSync(join(SITE, 'src/content/news/tool-library-opens.md'))).toBe(false);
    // Scripts and inline styles never reach the content.
    const tricky = readFileSync(join(SITE, 'src/content/news/en/inline-styles-and-scripts.md'), 'utf8');
    expect(tricky).not.toMatch(/<script|style=|onclick|evil\.example/i);
    expect(redirects.length).toBeGreaterThan(20);
  });

  test('a second import, from the dump file this time, changes nothing', async () => {
    const before = sourceHashes();
    const second = await runImport(join(DRUPAL, 'drupal7.sql'));
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(/Wrote 0 file\(s\)/);
    expect(sourceHashes()).toEqual(before);
  }, 300_000);

  describe('the imported site', () => {
    let server: StaticServer;
    beforeAll(async () => {
      const build = await astroBuild(SITE);
      expect(build.code, build.output.slice(-4000)).toBe(0);
      server = await serveWithNginx(join(SITE, 'dist'), '/', { include: join(SITE, 'openoutreach-nginx.conf') });
    }, 300_000);
    afterAll(async () => {
      await server?.close();
    });

    test('passes every quality gate', async () => {
      const lines: string[] = [];
      const code = await runCheck([join(SITE, 'dist')], { log: (line) => lines.push(line) });
      expect(code, lines.join('\n')).toBe(0);
    }, 300_000);

    test('every old address redirects to its new page on nginx, and has a redirect page and a _redirects rule', async () => {
      const rules = readFileSync(join(SITE, 'dist/_redirects'), 'utf8');
      const wrong: string[] = [];
      for (const { from, to } of redirects) {
        const response = await fetch(new URL(encodeURI(from), server.origin), { redirect: 'manual' });
        const location = response.headers.get('location');
        if (response.status !== 301 || location !== encodeURI(to)) wrong.push(`${from}: ${response.status} ${location} (wanted 301 ${to})`);
        const page = await fetch(new URL(encodeURI(to), server.origin));
        if (page.status !== 200) wrong.push(`${from} → ${to}: the new page answers ${page.status}`);
        const pageFile = join(SITE, 'dist', from, /\.\w+$/.test(from) ? '' : 'index.html');
        if (!readFileSync(pageFile, 'utf8').includes(`url=${encodeURI(to)}`)) wrong.push(`${from}: no redirect page`);
        if (!rules.includes(`${encodeURI(from)} ${encodeURI(to)} 301`)) wrong.push(`${from}: no _redirects rule`);
      }
      expect(wrong).toEqual([]);
      expect(redirects).toContainEqual({ from: '/node/1', to: '/about/' });
    });
  });
});
