import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { candidateIdentity, candidateInstallSpecs, lockedKitPackages, prepareCandidate, type Candidate } from './candidate.ts';

const dir = mkdtempSync(join(tmpdir(), 'fleet-candidate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const log = () => {};

describe('the candidate', () => {
  test('a version is installed from the registry, by version', async () => {
    const candidate = await prepareCandidate('0.2.0', { workDir: dir, registry: 'http://127.0.0.1:4873/', log });
    expect(candidate).toMatchObject({ kind: 'version', version: '0.2.0' });
    expect(candidateIdentity(candidate, ['@openoutreach/astro'])).toBe('version 0.2.0');
    expect(candidateInstallSpecs(candidate, ['@openoutreach/astro', '@openoutreach/theme-commons'])).toEqual([
      '@openoutreach/astro@0.2.0',
      '@openoutreach/theme-commons@0.2.0',
    ]);
  });

  test('a workspace gives the tarball of each kit package the site has, and of the kit packages those need', () => {
    const tarball = (name: string) => `/work/candidate/${name.replace('@openoutreach/', 'openoutreach-')}-0.2.0.tgz`;
    const candidate: Candidate = {
      kind: 'workspace',
      folder: '/kit',
      label: 'workspace /kit',
      packages: new Map([
        ['@openoutreach/astro', { tarball: tarball('@openoutreach/astro'), kitDependencies: ['@openoutreach/core', '@openoutreach/markdown'], hash: 'a1' }],
        ['@openoutreach/core', { tarball: tarball('@openoutreach/core'), kitDependencies: [], hash: 'core' }],
        ['@openoutreach/markdown', { tarball: tarball('@openoutreach/markdown'), kitDependencies: ['@openoutreach/core'], hash: 'markdown' }],
        ['@openoutreach/theme-commons', { tarball: tarball('@openoutreach/theme-commons'), kitDependencies: [], hash: 'theme-commons' }],
        ['@openoutreach/auth', { tarball: tarball('@openoutreach/auth'), kitDependencies: [], hash: 'auth' }],
      ]),
    };
    expect(candidateInstallSpecs(candidate, ['@openoutreach/astro', '@openoutreach/unknown'])).toEqual(
      ['@openoutreach/astro', '@openoutreach/core', '@openoutreach/markdown'].map(tarball),
    );
    // The cache keys a site on the tarballs it installs: the auth package's change is not its.
    const changed = {
      ...candidate,
      packages: new Map([...candidate.packages, ['@openoutreach/auth', { tarball: tarball('@openoutreach/auth'), kitDependencies: [], hash: 'x2' }]]),
    };
    expect(candidateIdentity(changed, ['@openoutreach/astro'])).toBe(candidateIdentity(candidate, ['@openoutreach/astro']));
    const coreChanged = {
      ...candidate,
      packages: new Map([...candidate.packages, ['@openoutreach/core', { tarball: tarball('@openoutreach/core'), kitDependencies: [], hash: 'c2' }]]),
    };
    expect(candidateIdentity(coreChanged, ['@openoutreach/astro'])).not.toBe(candidateIdentity(candidate, ['@openoutreach/astro']));
  });

  test('the kit packages of a lockfile are found at any depth, once each', () => {
    const lock = {
      packages: {
        '': {},
        'node_modules/@openoutreach/astro': {},
        'node_modules/@openoutreach/core': {},
        'node_modules/@openoutreach/astro/node_modules/@openoutreach/core': {},
        'node_modules/astro': {},
        'node_modules/@openoutreach/astro/node_modules/zod': {},
      },
    };
    expect(lockedKitPackages(lock)).toEqual(['@openoutreach/astro', '@openoutreach/core']);
  });

  test('a folder without kit packages is refused with what to give instead', async () => {
    mkdirSync(join(dir, 'not-a-kit/packages/thing'), { recursive: true });
    writeFileSync(join(dir, 'not-a-kit/packages/thing/package.json'), JSON.stringify({ name: 'thing' }));
    await expect(prepareCandidate(join(dir, 'not-a-kit'), { workDir: dir, log })).rejects.toThrow(
      /holds no kit package .*name the kit's workspace folder, or give a version/,
    );
  });

  test('neither a folder nor a version is refused', async () => {
    await expect(prepareCandidate('latest-and-greatest', { workDir: dir, log })).rejects.toThrow(/there is no such folder, and it is not a version/);
  });
});
