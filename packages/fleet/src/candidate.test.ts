import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { candidateInstallSpecs, lockedKitPackages, prepareCandidate, type Candidate } from './candidate.ts';

const dir = mkdtempSync(join(tmpdir(), 'fleet-candidate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const log = () => {};

describe('the candidate', () => {
  test('a version is installed from the registry, by version', async () => {
    const candidate = await prepareCandidate('0.2.0', { workDir: dir, registry: 'http://127.0.0.1:4873/', log });
    expect(candidate).toMatchObject({ kind: 'version', version: '0.2.0', identity: 'version 0.2.0' });
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
      identity: 'workspace abc',
      label: 'workspace /kit',
      packages: new Map([
        ['@openoutreach/astro', { tarball: tarball('@openoutreach/astro'), kitDependencies: ['@openoutreach/core', '@openoutreach/markdown'] }],
        ['@openoutreach/core', { tarball: tarball('@openoutreach/core'), kitDependencies: [] }],
        ['@openoutreach/markdown', { tarball: tarball('@openoutreach/markdown'), kitDependencies: ['@openoutreach/core'] }],
        ['@openoutreach/theme-commons', { tarball: tarball('@openoutreach/theme-commons'), kitDependencies: [] }],
        ['@openoutreach/auth', { tarball: tarball('@openoutreach/auth'), kitDependencies: [] }],
      ]),
    };
    expect(candidateInstallSpecs(candidate, ['@openoutreach/astro', '@openoutreach/unknown'])).toEqual(
      ['@openoutreach/astro', '@openoutreach/core', '@openoutreach/markdown'].map(tarball),
    );
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
