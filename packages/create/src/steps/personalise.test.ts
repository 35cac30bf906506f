import { describe, expect, test } from 'vitest';
import { packageNameFor, withPackageJson, withSiteAndBase, withSiteName, yamlString } from './personalise.mjs';

const PACKAGE = JSON.stringify({
  name: 'openoutreach-starter',
  dependencies: { '@openoutreach/astro': '0.1.0', astro: '^7.3.5' },
  devDependencies: { '@openoutreach/check': '0.1.0' },
});

describe('withPackageJson', () => {
  test('outside the monorepo, the kit packages get a range of this version', () => {
    const pkg = JSON.parse(withPackageJson(PACKAGE, { packageName: 'riverside', name: 'Riverside', kitVersion: '^0.4.0' }));
    expect(pkg.name).toBe('riverside');
    expect(pkg.dependencies).toEqual({ '@openoutreach/astro': '^0.4.0', astro: '^7.3.5' });
    expect(pkg.devDependencies).toEqual({ '@openoutreach/check': '^0.4.0' });
  });

  test('a site under a sub-path is checked under it, as its host serves it', () => {
    const withCheck = JSON.stringify({ ...JSON.parse(PACKAGE), scripts: { check: 'openoutreach-check dist' } });
    expect(JSON.parse(withPackageJson(withCheck, { packageName: 'r', name: 'R', kitVersion: undefined, base: '/website/' })).scripts.check).toBe(
      'openoutreach-check dist --base /website/',
    );
    expect(JSON.parse(withPackageJson(withCheck, { packageName: 'r', name: 'R', kitVersion: undefined, base: undefined })).scripts.check).toBe(
      'openoutreach-check dist',
    );
  });

  test('in the monorepo, the workspace versions stay', () => {
    const pkg = JSON.parse(withPackageJson(PACKAGE, { packageName: 'riverside', name: 'Riverside', kitVersion: undefined }));
    expect(pkg.dependencies['@openoutreach/astro']).toBe('0.1.0');
  });
});

test('packageNameFor makes a valid npm name', () => {
  expect(packageNameFor('My Group Site!')).toBe('my-group-site');
  expect(packageNameFor('.hidden')).toBe('hidden');
  expect(packageNameFor('Ça va')).toBe('a-va');
  expect(packageNameFor('***')).toBe('openoutreach-site');
});

describe('withSiteName', () => {
  test('replaces the top-level name only, keeping comments', () => {
    const text = '# Settings\nname: Maple Street\ncontact:\n  name: Someone\n';
    expect(withSiteName(text, 'Riverside')).toBe('# Settings\nname: Riverside\ncontact:\n  name: Someone\n');
  });

  test('quotes what YAML would read otherwise', () => {
    expect(yamlString("Riverside Tenants' Union & Co.")).toBe("Riverside Tenants' Union & Co.");
    expect(yamlString('Friends: of the park')).toBe('"Friends: of the park"');
    expect(yamlString('#1 Club')).toBe('"#1 Club"');
    expect(yamlString('Yes')).toBe('"Yes"');
    expect(yamlString('2026 Festival')).toBe('"2026 Festival"');
    expect(yamlString('Say "hi"')).toBe('"Say \\"hi\\""');
  });

  test('a settings file without a name line is a clear error', () => {
    expect(() => withSiteName('tagline: x\n', 'A')).toThrow('The starter\'s src/settings/site.yaml has no line "name:" to personalise');
  });
});

describe('withSiteAndBase', () => {
  const config = "export default defineConfig({\n  site: 'https://example.org',\n  integrations: [openOutreach()],\n});\n";

  test('sets site and adds base under it', () => {
    expect(withSiteAndBase(config, { site: 'https://riverside.example', base: '/riverside/' })).toBe(
      "export default defineConfig({\n  site: 'https://riverside.example',\n  base: '/riverside/',\n  integrations: [openOutreach()],\n});\n",
    );
  });

  test('base alone keeps the site; a base of / is left out', () => {
    expect(withSiteAndBase(config, { site: undefined, base: '/r/' })).toContain("  site: 'https://example.org',\n  base: '/r/',\n");
    expect(withSiteAndBase(config, { site: undefined, base: '/' })).toBe(config);
  });
});
