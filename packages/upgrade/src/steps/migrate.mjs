// @ts-check
import { join } from 'node:path';
import { migrationsBetween } from '../migrations.mjs';
import { UpgradeError } from '../upgrade-error.mjs';
import { undo } from './verify.mjs';

/**
 * Runs the migrations of every version after the site's up to the new one, oldest first, and
 * says what each changed.
 * @param {Pick<import('../context.mjs').Context, 'packageDir' | 'site' | 'versions' | 'packageManager' | 'migrations' | 'dryRun' | 'log'>} ctx
 */
export async function migrate(ctx) {
  const { packageDir, site, versions, packageManager, dryRun, log } = ctx;
  const migrations = await migrationsBetween(join(packageDir, 'migrations'), versions.from, versions.to);
  log(
    `3. Migrations: ${migrations.length ? `${migrations.length} between ${versions.from} and ${versions.to}` : `none between ${versions.from} and ${versions.to}`}`,
  );
  for (const migration of migrations) {
    const before = new Map([...site.changes].map(([path, change]) => [path, change.after]));
    try {
      await migration.migrate(site);
    } catch (error) {
      const reason = error instanceof UpgradeError ? error.message : `${/** @type {Error} */ (error)?.message ?? error}`;
      throw new UpgradeError(
        `The migration "${migration.title}" (${migration.file}) stopped: ${reason}${error instanceof UpgradeError ? '' : '\n  Fix: this is a fault of the kit; report it to the co-op with this message.'}${dryRun ? '' : `\n  ${undo(versions.from, packageManager)}`}`,
      );
    }
    const changed = [...site.changes].filter(([path, change]) => path !== 'package.json' && before.get(path) !== change.after).map(([path]) => path);
    log(`   ${migration.version} ${migration.title}: ${changed.length ? `${dryRun ? 'would change' : 'changed'} ${changed.join(', ')}` : 'nothing to change'}`);
    ctx.migrations.push(migration);
  }
}
