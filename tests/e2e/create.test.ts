import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { astroBuild } from '../support/build.ts';
import { REPO_ROOT } from '../support/sites.ts';

const OUTPUT = join(REPO_ROOT, 'tests/.output');
const SITE = join(OUTPUT, 'created-site');
const BIN = join(REPO_ROOT, 'packages/create/bin/create-openoutreach.mjs');

/**
 * `npm create openoutreach` as a newcomer runs it, then the build. The site sits inside the
 * monorepo's ignored tests/.output/ so that it resolves the kit's packages from node_modules.
 */
test('a site made with create-openoutreach builds, under its name, site and base', async () => {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(OUTPUT, { recursive: true });
  const output = execFileSync(
    process.execPath,
    [BIN, 'created-site', '--name', 'Riverside Tenants Union', '--site', 'https://riverside.example', '--base', '/riverside/', '--no-install'],
    { cwd: OUTPUT, encoding: 'utf8' },
  );
  expect(output).toContain('The site of Riverside Tenants Union is ready in created-site/.');
  expect(execFileSync('git', ['log', '--format=%s'], { cwd: SITE, encoding: 'utf8' }).trim()).toBe('Create the site from the Open Outreach starter');

  const build = await astroBuild(SITE);
  expect(build.code, build.output.slice(-4000)).toBe(0);
  const home = readFileSync(join(SITE, 'dist/index.html'), 'utf8');
  expect(home).toContain('Riverside Tenants Union');
  expect(home).toContain('href="https://riverside.example/riverside/"');
  expect(home).toMatch(/href="\/riverside\/news\/"/);
});

test('a site made in two languages builds both, with the starter’s content as the main language’s', async () => {
  const site = join(OUTPUT, 'created-bilingual-site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(OUTPUT, { recursive: true });
  execFileSync(process.execPath, [BIN, 'created-bilingual-site', '--name', 'Unión de Inquilinos', '--languages', 'es,en', '--no-install'], {
    cwd: OUTPUT,
    encoding: 'utf8',
  });
  expect(execFileSync('git', ['status', '--porcelain'], { cwd: site, encoding: 'utf8' })).toBe('');

  const build = await astroBuild(site);
  expect(build.code, build.output.slice(-4000)).toBe(0);
  expect(readFileSync(join(site, 'dist/index.html'), 'utf8')).toContain('<html lang="es"');
  const english = readFileSync(join(site, 'dist/en/index.html'), 'utf8');
  expect(english).toContain('<html lang="en"');
  expect(english).toContain('hreflang="es"');
});
