import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { create } from './create.mjs';

const root = mkdtempSync(join(tmpdir(), 'create-openoutreach-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let runs = 0;
/** Runs the command in a fresh folder under the temporary root, collecting what it prints. */
async function run(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  const cwd = join(root, `run-${++runs}`);
  mkdirSync(cwd);
  const lines: string[] = [];
  // Not a terminal: the command must never wait for an answer here.
  const code = await create(argv, { cwd, env, input: new PassThrough(), log: (line) => lines.push(line) });
  return { code, cwd, output: lines.join('\n') };
}

const read = (path: string) => readFileSync(path, 'utf8');
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

describe('a new site from the starter', () => {
  let code: number, cwd: string, output: string, site: string;
  beforeAll(async () => {
    ({ code, cwd, output } = await run([
      'riverside-tenants',
      '--name',
      'Riverside Tenants',
      '--site',
      'https://riverside.example/',
      '--base',
      'riverside',
      '--no-install',
    ]));
    site = join(cwd, 'riverside-tenants');
  });

  test('is created, and says what to do next', () => {
    expect(code).toBe(0);
    expect(output).toContain('The site of Riverside Tenants is ready in riverside-tenants/.');
    expect(output).toContain('\nNext steps:\n  cd riverside-tenants\n  npm install\n  npm run edit\n\nThen open http://127.0.0.1:4321/admin/ and click Login.');
    expect(output).toContain('Docs:');
  });

  test('has the starter files, without installed or built ones', () => {
    for (const file of [
      'package.json',
      'astro.config.mjs',
      '.gitignore',
      'tsconfig.json',
      'src/settings/site.yaml',
      'src/content/pages/home.md',
      'src/assets/pages/maple-street.jpg',
    ]) {
      expect(existsSync(join(site, file)), file).toBe(true);
    }
    for (const folder of ['node_modules', 'dist', '.astro']) expect(existsSync(join(site, folder)), folder).toBe(false);
  });

  test("is the group's: package name, kit versions, settings name, site and base", () => {
    const pkg = JSON.parse(read(join(site, 'package.json')));
    const starter = JSON.parse(read(join(import.meta.dirname, '../../../starter/package.json')));
    expect(pkg.name).toBe('riverside-tenants');
    expect(pkg.dependencies).toEqual(starter.dependencies); // the workspace versions, in the monorepo
    expect(read(join(site, 'src/settings/site.yaml'))).toMatch(/^name: Riverside Tenants$/m);
    const config = read(join(site, 'astro.config.mjs'));
    expect(config).toContain("  site: 'https://riverside.example',\n  base: '/riverside/',\n");
    expect(config).not.toContain('example.org');
  });

  test('is committed to git, with nothing left over', () => {
    expect(git(site, 'log', '--format=%s')).toBe('Create the site from the Open Outreach starter');
    expect(git(site, 'status', '--porcelain')).toBe('');
    expect(git(site, 'ls-files')).toContain('src/settings/site.yaml');
  });
});

test('the first commit gets an author when git has none configured', async () => {
  const emptyConfig = join(root, 'empty-gitconfig');
  writeFileSync(emptyConfig, '');
  const env = { ...process.env, HOME: root, XDG_CONFIG_HOME: root, GIT_CONFIG_GLOBAL: emptyConfig, GIT_CONFIG_NOSYSTEM: '1' };
  const { code, cwd } = await run(['site', '--name', 'Anyone', '--no-install'], env);
  expect(code).toBe(0);
  expect(git(join(cwd, 'site'), 'log', '--format=%an <%ae>')).toBe('Open Outreach editor <editor@localhost>');
});

test('--no-git leaves git out', async () => {
  const { code, cwd } = await run(['site', '--name', 'Anyone', '--no-install', '--no-git']);
  expect(code).toBe(0);
  expect(existsSync(join(cwd, 'site/.git'))).toBe(false);
  expect(existsSync(join(cwd, 'site/package.json'))).toBe(true);
});

test('a folder with something in it is refused, and left as it was', async () => {
  const cwd = join(root, 'occupied');
  mkdirSync(join(cwd, 'site'), { recursive: true });
  writeFileSync(join(cwd, 'site/notes.txt'), 'mine');
  const lines: string[] = [];
  const code = await create(['site', '--name', 'Anyone', '--no-install'], { cwd, input: new PassThrough(), log: (line) => lines.push(line) });
  expect(code).toBe(2);
  expect(lines.join('\n')).toBe(
    'The folder site already exists and is not empty (it holds notes.txt). Nothing was written.\n  Fix: choose a new folder, e.g. site-2, or move those files out of site first.',
  );
  expect(readdirSync(join(cwd, 'site'))).toEqual(['notes.txt']);
});

test('an empty folder, or a freshly cloned empty repository, is used', async () => {
  const cwd = join(root, 'cloned');
  mkdirSync(cwd);
  git(cwd, 'init', '-q');
  const code = await create(['.', '--name', 'Cloned', '--no-install'], { cwd, input: new PassThrough(), log: () => {} });
  expect(code).toBe(0);
  expect(git(cwd, 'log', '--format=%s')).toBe('Create the site from the Open Outreach starter');
  expect(JSON.parse(read(join(cwd, 'package.json'))).name).toBe('cloned');
});

test('a dry run says what each step would do, and writes nothing', async () => {
  const { code, cwd, output } = await run(['site', '--name', 'Anyone', '--site', 'https://anyone.example', '--time-zone', 'Europe/Paris', '--dry-run']);
  expect(code).toBe(0);
  expect(existsSync(join(cwd, 'site'))).toBe(false);
  expect(output).toMatch(/^Would copy \d+ files of the starter into site\/\.$/m);
  expect(output).toContain(
    'Would set package.json: name "site"; src/settings/site.yaml: name Anyone, timeZone Europe/Paris; astro.config.mjs: site \'https://anyone.example\'.',
  );
  expect(output).toContain("Would keep the files for GitHub Pages (.github/workflows/check.yml, .github/workflows/deploy.yml), without the other hosts'");
  expect(output).toContain('Would create a git repository and commit the site in it');
  expect(output).toContain('Would run `npm install`');
  expect(output).toContain('Dry run: nothing was written.');
});

describe('bad arguments: one clear message, exit code 2, nothing written', () => {
  test.each([
    [
      ['site', '--name', 'A', '--site', 'riverside.example'],
      '--site "riverside.example" is not a whole web address.\n  Fix: write it with https:// in front, e.g. --site https://riverside.example',
    ],
    [['site', '--name', 'A', '--site', 'ftp://riverside.example'], '--site "ftp://riverside.example" must start with https://'],
    [['site', '--name', 'A', '--site', 'https://us.github.io/site/'], '  Fix: put the path in --base, e.g. --site https://us.github.io --base /site/'],
    [['site', '--name', 'A', '--base', 'https://us.github.io/site/'], '--base "https://us.github.io/site/" is not a path.'],
    [['site', 'other'], 'Expected one folder, got 2: site other.\nUsage:'],
    [['site', '--name', 'A', '--nmae', 'B'], "Unknown option '--nmae'.\nUsage:"],
  ])('%j', async (argv, message) => {
    const { code, cwd, output } = await run(argv);
    expect(code).toBe(2);
    expect(output).toContain(message);
    expect(existsSync(join(cwd, 'site'))).toBe(false);
  });

  test('the usage is one line with an example', async () => {
    const { output } = await run(['site', '--unknown']);
    const usage = output.split('\n')[1];
    expect(usage).toMatch(/^Usage: .*, e\.g\. npm create openoutreach@latest my-group-site -- --name "Riverside Tenants" --repo riverside\/website$/);
  });
});

describe('not in a terminal, a missing value stops with one line naming the flag', () => {
  test.each([
    [['site'], 'Give the group\'s name with --name, e.g. --name "Riverside Tenants" (or --yes to name it after the folder).'],
    [
      ['--name', 'A'],
      'Name the folder for the new site, e.g. npm create openoutreach@latest my-group-site -- --name "Riverside Tenants" (--help lists the options).',
    ],
  ])('%j', async (argv, message) => {
    const { code, cwd, output } = await run(argv);
    expect(code).toBe(2);
    expect(output).toBe(message);
    expect(readdirSync(cwd)).toEqual([]);
  });

  test('--yes takes the defaults instead: the folder my-group-site, the name from it', async () => {
    const { code, cwd, output } = await run(['--yes', '--no-install', '--no-git']);
    expect(code).toBe(0);
    expect(output).toContain('The site of My Group Site is ready in my-group-site/.');
    expect(read(join(cwd, 'my-group-site/src/settings/site.yaml'))).toMatch(/^name: My Group Site$/m);
  });
});

/** A stand-in for npm on PATH: `install` writes a lockfile and a package into node_modules, as npm does. */
function fakeNpm(exitCode = 0): NodeJS.ProcessEnv {
  const bin = join(root, `fake-npm-${exitCode}`);
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, 'npm'),
    `#!/bin/sh\necho '{ "lockfileVersion": 3 }' > package-lock.json\nmkdir -p node_modules/astro && echo '{}' > node_modules/astro/package.json\necho "added 1 package"\nexit ${exitCode}\n`,
  );
  chmodSync(join(bin, 'npm'), 0o755);
  return { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, npm_config_user_agent: 'npm/11.19.1 node/v24.9.0 linux x64' };
}

describe.skipIf(process.platform === 'win32')('installing, then the first commit', () => {
  test('the lockfile is in the first commit and the repository is clean, as `npm run edit` needs', async () => {
    const { code, cwd, output } = await run(['site', '--name', 'Anyone'], fakeNpm());
    const site = join(cwd, 'site');
    expect(code, output).toBe(0);
    expect(output.indexOf('Installed the dependencies with npm')).toBeLessThan(output.indexOf('Committed the site to git'));
    expect(git(site, 'ls-files')).toMatch(/^package-lock\.json$/m);
    expect(git(site, 'status', '--porcelain', '--ignored=no')).toBe('');
    expect(git(site, 'log', '--format=%s')).toBe('Create the site from the Open Outreach starter');
    expect(output).toContain('\nNext steps:\n  cd site\n  npm run edit\n\n');
  });

  test('a failed install says how to finish, commit included, and makes no commit', async () => {
    const { code, cwd, output } = await run(['site', '--name', 'Anyone'], fakeNpm(1));
    expect(code).toBe(1);
    expect(output).toContain('added 1 package'); // what npm said, to see why
    expect(output).toContain(
      '`npm install` failed (exit code 1). The site\'s files are in place; only its dependencies are missing, and it is not committed to git yet.\n  Fix: check your internet connection, then run `cd site` and `npm install`, then `git init && git add -A && git commit -m "Create the site from the Open Outreach starter"`',
    );
    expect(existsSync(join(cwd, 'site/.git'))).toBe(false);
  });
});
