import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMigration, migrationsBetween } from './migrations.mjs';
import { createSite } from './site.mjs';
import { stampMigrations } from '../scripts/stamp-migrations.mjs';

const temp = mkdtempSync(join(tmpdir(), 'oo-upgrade-migrations-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const migration = (title: string) => `export const title = ${JSON.stringify(title)};\nexport function migrate() {}\n`;
function folder(files: Record<string, string>) {
  const dir = mkdtempSync(join(temp, 'package-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('migrations between two versions', () => {
  it('runs those after the site’s version up to the target, oldest first, then by name', async () => {
    const dir = folder({
      'migrations/0.2.0/b.mjs': migration('0.2.0 b'),
      'migrations/0.2.0/a.mjs': migration('0.2.0 a'),
      'migrations/0.10.0/a.mjs': migration('0.10.0'),
      'migrations/0.3.0/a.mjs': migration('0.3.0'),
      'migrations/0.3.0/a.test.mjs': 'throw new Error("not a migration")',
      'migrations/0.1.0/a.mjs': migration('0.1.0'),
      'migrations/unreleased/a.mjs': migration('unreleased'),
    });
    const found = await migrationsBetween(join(dir, 'migrations'), '0.1.0', '0.10.0');
    expect(found.map((m) => m.title)).toEqual(['0.2.0 a', '0.2.0 b', '0.3.0', '0.10.0']);
    expect(found[0]).toMatchObject({ version: '0.2.0', name: 'a', file: 'migrations/0.2.0/a.mjs' });
    expect((await migrationsBetween(join(dir, 'migrations'), '0.2.0', '0.3.0')).map((m) => m.title)).toEqual(['0.3.0']);
  });

  it('names a migration that does not export what it must', async () => {
    const dir = folder({ 'migrations/0.2.0/broken.mjs': 'export const title = "no migrate";\n' });
    await expect(loadMigration(join(dir, 'migrations'), '0.2.0', 'broken.mjs')).rejects.toThrow(
      'The migration migrations/0.2.0/broken.mjs of @openoutreach/upgrade must export `title` (a string) and `migrate(site)` (a function).',
    );
  });
});

describe('stamping the unreleased migrations with the released version', () => {
  it('moves them into the version’s folder', () => {
    const dir = folder({ 'package.json': '{"version":"0.3.0"}', 'migrations/unreleased/rename.mjs': migration('x'), 'migrations/0.2.0/a.mjs': migration('y') });
    expect(stampMigrations(dir)).toEqual({ version: '0.3.0', moved: ['rename.mjs'] });
    expect(readdirSync(join(dir, 'migrations')).sort()).toEqual(['0.2.0', '0.3.0']);
    expect(stampMigrations(dir)).toEqual({ version: '0.3.0', moved: [] });
  });

  it('moves nothing when a file of that name is already there', () => {
    const dir = folder({ 'package.json': '{"version":"0.3.0"}', 'migrations/unreleased/a.mjs': migration('x'), 'migrations/0.3.0/a.mjs': migration('y') });
    expect(() => stampMigrations(dir)).toThrow('migrations/0.3.0/ already has a.mjs');
    expect(existsSync(join(dir, 'migrations/unreleased/a.mjs'))).toBe(true);
  });
});

// Every migration the kit ships, run on a copy of the starter, which is already like the new
// version: it must change nothing there, however many times it runs. (Each migration's own test
// runs it twice on a site from before the change.)
const MIGRATIONS = join(import.meta.dirname, '../migrations');
const shipped = readdirSync(MIGRATIONS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    readdirSync(join(MIGRATIONS, entry.name))
      .filter((name) => name.endsWith('.mjs') && !name.includes('.test.'))
      .map((name) => [entry.name, name]),
  );

describe.runIf(shipped.length)('the migrations the kit ships', () => {
  it.each(shipped)('%s/%s leaves a site that needs no migration as it is', async (version, name) => {
    const root = mkdtempSync(join(temp, 'starter-'));
    const starter = join(import.meta.dirname, '../../../starter');
    for (const path of ['src', 'astro.config.mjs', 'package.json']) cpSync(join(starter, path), join(root, path), { recursive: true });
    const { migrate } = await loadMigration(MIGRATIONS, version, name);
    for (let run = 0; run < 2; run++) {
      const site = createSite(root, { dryRun: false });
      await migrate(site);
      expect([...site.changes.keys()]).toEqual([]);
    }
  });
});
