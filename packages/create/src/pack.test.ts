import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { create } from './create.mjs';
import { DEFAULT_HOST, HOST_FILES, HOSTS } from './hosts.mjs';
import { PACKAGE_DIR, templateFiles } from './template.mjs';

const STARTER = join(PACKAGE_DIR, '../../starter');
const root = mkdtempSync(join(tmpdir(), 'create-openoutreach-pack-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The files git tracks in the starter: what a member's new site must get, dotfiles included. */
const tracked = execFileSync('git', ['ls-files', '-z', '--', '.'], { cwd: STARTER, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file && existsSync(join(STARTER, file)))
  .sort();

let packed: string[];
let extracted: string;

/**
 * A real `npm pack` (prepack and postpack included) of a copy of this package, whose
 * `../../starter` is the monorepo's starter; a copy, so that the other tests never see a
 * template/ appear in the package they run from.
 */
beforeAll(() => {
  const copy = join(root, 'repo/packages/create');
  cpSync(PACKAGE_DIR, copy, { recursive: true, filter: (source) => !source.includes('node_modules') && !source.endsWith('/template') });
  symlinkSync(STARTER, join(root, 'repo/starter'));
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', root], { cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  expect(output).toMatch(/^create-openoutreach: packed \d+ files of starter\/ into template\/\.$/m); // prepack ran
  const [result] = JSON.parse(output.slice(output.search(/^\[/m))); // after what prepack printed
  packed = result.files.map((file: { path: string }) => file.path).sort();
  extracted = join(root, 'extracted');
  mkdirSync(extracted);
  execFileSync('tar', ['-xzf', join(root, result.filename), '-C', extracted]);
  expect(existsSync(join(copy, 'template')), 'postpack removes template/ again').toBe(false);
}, 60_000);

test('the package carries every file of the starter, dotfiles and CI workflows included', () => {
  for (const file of [
    'template/_gitignore',
    'template/.github/workflows/check.yml',
    'template/.forgejo/workflows/check.yml',
    'template/.gitlab-ci.yml',
    'template/netlify.toml',
    'template/.node-version',
    'template/renovate.json',
  ]) {
    expect(packed).toContain(file);
  }
  expect(packed.filter((file) => file.startsWith('template/')).length).toBe(tracked.length);
  expect(packed.filter((file) => file.endsWith('.test.ts'))).toEqual([]);
});

test('a site made from the packed package has exactly the starter’s files, less the other hosts’, .gitignore under its own name', async () => {
  const cwd = join(root, 'sites');
  mkdirSync(cwd);
  const code = await create(['site', '--name', 'Packed', '--no-install', '--no-git'], {
    cwd,
    packageDir: join(extracted, 'package'),
    input: new PassThrough(),
    log: () => {},
  });
  expect(code).toBe(0);
  const otherHosts = HOST_FILES.filter((file) => !HOSTS[DEFAULT_HOST].files.includes(file));
  expect(templateFiles(join(cwd, 'site'))).toEqual(tracked.filter((file) => !otherHosts.includes(file)));
  expect(readdirSync(join(cwd, 'site'))).toContain('.gitignore');
});
