import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { basePath, localTimeZone, nameFromFolder, readOptions, siteAddress } from './read-options.mjs';

const cwd = '/home/me';

describe('readOptions', () => {
  test('defaults: git and install on, no dry run, site and base unset, English only, GitHub Pages, this computer’s time zone', () => {
    expect(readOptions(['site', '--name', ' Riverside Tenants '], { cwd })).toEqual({
      projectDir: resolve(cwd, 'site'),
      name: 'Riverside Tenants',
      site: undefined,
      base: undefined,
      languages: ['en'],
      host: 'github',
      repo: undefined,
      branch: 'main',
      appId: undefined,
      timeZone: localTimeZone(),
      git: true,
      install: true,
      dryRun: false,
    });
  });

  test('--no-git, --no-install, --dry-run', () => {
    expect(readOptions(['site', '--name', 'A', '--no-git', '--no-install', '--dry-run'], { cwd })).toMatchObject({ git: false, install: false, dryRun: true });
  });

  test('--yes names the group after the folder when --name is missing', () => {
    expect(readOptions(['../riverside-tenants', '--yes'], { cwd })).toMatchObject({
      projectDir: resolve('/home/riverside-tenants'),
      name: 'Riverside Tenants',
    });
  });

  test('--help', () => {
    expect(readOptions(['--help'], { cwd })).toBe('help');
  });

  test('a name of several lines is refused', () => {
    expect(() => readOptions(['site', '--name', 'A\nB'], { cwd })).toThrow('The --name must be on one line.');
  });
});

test('nameFromFolder', () => {
  expect(nameFromFolder('riverside-tenants_union')).toBe('Riverside Tenants Union');
});

test('siteAddress keeps the origin', () => {
  expect(siteAddress('https://riverside.example/')).toBe('https://riverside.example');
  expect(siteAddress('http://localhost:8080')).toBe('http://localhost:8080');
});

test('basePath puts a slash at each end', () => {
  expect(basePath('repo')).toBe('/repo/');
  expect(basePath('/a/b')).toBe('/a/b/');
  expect(basePath('/')).toBe('/');
});

test('--languages: the main language first, known codes only, each once', () => {
  expect(readOptions(['site', '--name', 'A', '--languages', 'es, EN'], { cwd })).toMatchObject({ languages: ['es', 'en'] });
  expect(() => readOptions(['site', '--name', 'A', '--languages', 'en,de'], { cwd })).toThrow('the kit does not speak de');
  expect(() => readOptions(['site', '--name', 'A', '--languages', 'en,en'], { cwd })).toThrow('names a language twice');
  expect(() => readOptions(['site', '--name', 'A', '--languages', ' , '], { cwd })).toThrow('no language given');
});

describe('where the site is published', () => {
  test.each([
    ['github', 'riverside/website', 'https://riverside.github.io', '/website/'],
    ['github', 'Riverside/Riverside.github.io', 'https://riverside.github.io', undefined],
    ['gitlab', 'riverside/website', 'https://riverside.gitlab.io', '/website/'],
    ['codeberg', 'riverside/website', 'https://riverside.codeberg.page', '/website/'],
    ['codeberg', 'riverside/pages', 'https://riverside.codeberg.page', undefined],
    ['netlify', 'riverside/website', undefined, undefined],
    ['coop', 'riverside/website', undefined, undefined],
  ])('--host %s --repo %s: a project site’s address follows from the repository', (host, repo, site, base) => {
    expect(readOptions(['site', '--name', 'A', '--host', host, '--repo', repo], { cwd })).toMatchObject({ host, repo, site, base });
  });

  test('--site and --base win over the repository’s address', () => {
    expect(readOptions(['site', '--name', 'A', '--repo', 'r/w', '--site', 'https://riverside.org'], { cwd })).toMatchObject({
      site: 'https://riverside.org',
      base: undefined,
    });
  });

  test('--repo takes the repository’s whole address too', () => {
    expect(readOptions(['site', '--name', 'A', '--repo', 'https://github.com/riverside/website.git'], { cwd })).toMatchObject({ repo: 'riverside/website' });
  });

  test('--branch and --time-zone', () => {
    expect(readOptions(['site', '--name', 'A', '--branch', 'live', '--time-zone', 'Europe/Paris'], { cwd })).toMatchObject({
      branch: 'live',
      timeZone: 'Europe/Paris',
    });
  });

  test.each([
    [
      ['--host', 'heroku'],
      '--host "heroku" is not a host the kit publishes to.\n  Fix: choose one of github, gitlab, codeberg, netlify, cloudflare, coop, e.g. --host github',
    ],
    [['--repo', 'website'], '--repo "website" is not a repository.\n  Fix: write its owner and name with a slash, e.g. --repo riverside-tenants/website'],
    [['--branch', 'a..b'], '--branch "a..b" is not a branch name.'],
    [['--time-zone', 'Paris'], '--time-zone "Paris" is not a time zone.\n  Fix: write the zone\'s name, e.g. --time-zone Europe/Paris'],
    [['--app-id', 'x'], '--app-id is for CMS sign-in on GitLab or Codeberg; on GitHub Pages editors sign in through GitHub.'],
  ])('%j is refused, saying how to write it', (argv, message) => {
    expect(() => readOptions(['site', '--name', 'A', ...argv], { cwd })).toThrow(message);
  });
});
