import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, expect, test } from 'vitest';
import { create } from './create.mjs';
import { findTemplate, packTemplate, PACKAGE_DIR, targetPath, templateFiles } from './template.mjs';

const root = mkdtempSync(join(tmpdir(), 'create-openoutreach-template-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(dir: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
}

test('in the monorepo, the template is the starter itself', () => {
  expect(findTemplate()).toEqual({ dir: join(PACKAGE_DIR, '../../starter'), fromMonorepo: true });
});

test('the starter is copied without node_modules, dist, .astro, .git or what builds and tests leave in it', () => {
  const dir = join(root, 'walk');
  write(dir, {
    'package.json': '{}',
    'src/a.md': '',
    'node_modules/x/index.js': '',
    'dist/index.html': '',
    'dist-harbour/index.html': '',
    'astro.config.theme-harbour.mjs': '',
    'openoutreach-nginx.conf': '',
    '.astro/types.d.ts': '',
    'src/.DS_Store': '',
  });
  expect(templateFiles(dir)).toEqual(['package.json', 'src/a.md']);
});

test('prepack packs the tracked files, with .gitignore and .npmrc (which npm leaves out) under other names', () => {
  const starter = join(root, 'starter');
  write(starter, {
    'package.json': '{"name":"openoutreach-starter"}',
    '.gitignore': 'dist/\n',
    '.npmrc': 'engine-strict=true\n',
    'public/.gitignore': '*.tmp\n',
    '.github/workflows/check.yml': 'on: push\n',
    'src/a.md': 'a',
  });
  execFileSync('git', ['init', '-q'], { cwd: starter });
  execFileSync('git', ['add', '-A'], { cwd: starter });
  write(starter, { 'untracked.txt': '', 'dist/index.html': '' });
  expect(packTemplate(starter, join(root, 'packed')).sort()).toEqual([
    '.github/workflows/check.yml',
    '_gitignore',
    '_npmrc',
    'package.json',
    'public/_gitignore',
    'src/a.md',
  ]);
  expect(existsSync(join(root, 'packed/untracked.txt'))).toBe(false);
  expect(['_gitignore', 'public/_gitignore', '_npmrc', '.github/workflows/check.yml'].map(targetPath)).toEqual([
    '.gitignore',
    'public/.gitignore',
    '.npmrc',
    '.github/workflows/check.yml',
  ]);
});

test('a published package copies its template/, renames _gitignore and asks for its own version of the kit', async () => {
  const packageDir = join(root, 'node_modules/create-openoutreach');
  write(packageDir, {
    'package.json': '{"name":"create-openoutreach","version":"0.4.2"}',
    'template/package.json': '{"name":"openoutreach-starter","dependencies":{"@openoutreach/astro":"0.1.0","astro":"^7.3.5"}}',
    'template/_gitignore': 'node_modules/\n',
    'template/src/settings/site.yaml': 'name: Maple Street\ntimeZone: America/Toronto\n',
    'template/astro.config.mjs': "site: 'https://example.org',\ncms: { backend: { name: 'github', repo: 'your-group/website' } },\n",
  });
  expect(findTemplate(packageDir)).toEqual({ dir: join(packageDir, 'template'), fromMonorepo: false });
  const code = await create(['site', '--name', 'Riverside', '--no-install', '--no-git'], { cwd: root, packageDir, input: new PassThrough(), log: () => {} });
  expect(code).toBe(0);
  expect(readFileSync(join(root, 'site/.gitignore'), 'utf8')).toBe('node_modules/\n');
  expect(existsSync(join(root, 'site/_gitignore'))).toBe(false);
  expect(JSON.parse(readFileSync(join(root, 'site/package.json'), 'utf8')).dependencies).toEqual({ '@openoutreach/astro': '^0.4.2', astro: '^7.3.5' });
});
