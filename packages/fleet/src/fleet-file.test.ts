import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FleetError } from './fleet-error.ts';
import { readFleetFile } from './fleet-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'fleet-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'members/eastside'), { recursive: true });

function fleetFile(text: string, name = 'fleet.yaml'): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The FleetError's message for a fleet file, or a failure if it is read without one. */
function problem(text: string): string {
  const file = fleetFile(text);
  try {
    readFleetFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(FleetError);
    return (error as Error).message;
  }
  throw new Error('the fleet file was accepted');
}

describe('readFleetFile', () => {
  test('resolves sites by git address or folder, with a domain or a sub-path on the host', () => {
    const file = fleetFile(`host: sites.opentech.coop
sites:
  - name: riverside-tenants
    git: https://codeberg.org/riverside-tenants/website.git
    branch: live
    domain: riversidetenants.org
  - name: eastside
    path: members/eastside
    subpath: /eastside
`);
    expect(readFleetFile(file)).toEqual({
      file,
      dir,
      host: 'sites.opentech.coop',
      sites: [
        { name: 'riverside-tenants', git: 'https://codeberg.org/riverside-tenants/website.git', branch: 'live', domain: 'riversidetenants.org', base: '/' },
        { name: 'eastside', path: join(dir, 'members/eastside'), subpath: '/eastside/', base: '/eastside/' },
      ],
    });
  });

  test.each([
    ['a mistyped field, with the field it resembles', 'sites:\n  - name: a\n    git: x\n    brnch: main\n', ['sites[0].brnch', 'did you mean "branch"']],
    [
      'a name that is not a folder name',
      'sites:\n  - name: Riverside Tenants\n    git: x\n',
      ['sites[0].name', 'lower-case letters', 'name: riverside-tenants'],
    ],
    ['a site with both git and path', 'sites:\n  - name: a\n    git: x\n    path: y\n', ['sites[0]', 'both `git` and `path`', 'either']],
    ['a site with neither', 'sites:\n  - name: a\n    branch: main\n', ['sites[0]', 'neither `git` nor `path`']],
    ['two sites of one name', 'sites:\n  - name: a\n    git: x\n  - name: a\n    git: y\n', ['sites[1].name', 'also the name of sites[0]', 'its own name']],
    [
      'a domain and a sub-path',
      'host: s.org\nsites:\n  - name: a\n    git: x\n    domain: a.org\n    subpath: /a/\n',
      ['sites[0]', 'both `domain` and `subpath`'],
    ],
    ['a sub-path without a host', 'sites:\n  - name: a\n    git: x\n    subpath: /a/\n', ['sites[0].subpath', 'no `host`', 'host: ']],
    [
      'an address for a domain',
      'sites:\n  - name: a\n    git: x\n    domain: https://a.org/\n',
      ['sites[0].domain', 'without https://', 'domain: riversidetenants.org'],
    ],
    ['no sites', 'sites: []\n', ['"sites"', 'lists no site']],
    ['no sites field', 'host: a.org\n', ['"sites"', 'is missing', 'add a line such as']],
    ['an empty file', '', ['empty', 'Write it like']],
    ['broken YAML', 'sites:\n  - name: a\n   git: x\n', ['not valid YAML', 'line 3']],
    [
      'a folder that is not there',
      'sites:\n  - name: a\n    path: members/westside\n',
      ['sites[0].path', join(dir, 'members/westside'), 'relative to the fleet file'],
    ],
  ])('refuses %s, naming the file, the field and the fix', (_, text, expected) => {
    const message = problem(text);
    expect(message).toContain(join(dir, 'fleet.yaml'));
    for (const part of expected) expect(message).toContain(part);
    expect(message).not.toMatch(/\n\s+at /);
  });

  test('names a fleet file that is not there', () => {
    expect(() => readFleetFile(join(dir, 'nope.yaml'))).toThrow(`There is no fleet file at ${join(dir, 'nope.yaml')}`);
  });
});
