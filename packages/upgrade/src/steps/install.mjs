// @ts-check
import { lastLines, run } from '../run.mjs';
import { UpgradeError } from '../upgrade-error.mjs';
import { undo } from './verify.mjs';

/**
 * Installs the new versions, which updates the lockfile.
 * @param {Pick<import('../context.mjs').Context, 'cwd' | 'env' | 'packageManager' | 'versions' | 'dryRun' | 'log'>} ctx
 */
export async function install({ cwd, env, packageManager, versions, dryRun, log }) {
  if (dryRun) {
    log(`2. Would run \`${packageManager} install\`.`);
    return;
  }
  log(`2. Installing with \`${packageManager} install\` (this can take a few minutes)…`);
  const { code, output } = await run(packageManager, ['install', '--no-audit', '--no-fund'], { cwd, env });
  if (code !== 0) {
    throw new UpgradeError(
      `\`${packageManager} install\` failed (exit code ${code}):\n${lastLines(output)}\n  Fix: check your internet connection and run the upgrade again. ${undo(versions.from, packageManager)}`,
    );
  }
}
