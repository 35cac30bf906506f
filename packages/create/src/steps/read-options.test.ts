import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { basePath, nameFromFolder, readOptions, siteAddress } from './read-options.mjs';

const cwd = '/home/me';

describe('readOptions', () => {
  test('defaults: git and install on, no dry run, site and base unset, English only', () => {
    expect(readOptions(['site', '--name', ' Riverside Tenants '], { cwd })).toEqual({
      projectDir: resolve(cwd, 'site'),
      name: 'Riverside Tenants',
      site: undefined,
      base: undefined,
      languages: ['en'],
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
