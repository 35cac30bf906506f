// @ts-check
import { lastLines, run } from '../run.mjs';
import { UpgradeError } from '../upgrade-error.mjs';

/**
 * Builds the site and runs its checks with the new kit: what its CI would do.
 * @param {Pick<import('../context.mjs').Context, 'cwd' | 'env' | 'site' | 'packageManager' | 'versions' | 'check' | 'dryRun' | 'log'>} ctx
 */
export async function verify({ cwd, env, site, packageManager, versions, check, dryRun, log }) {
  const scripts = JSON.parse(site.read('package.json')).scripts ?? {};
  const steps = [
    { script: 'build', wanted: true, what: 'Building the site' },
    { script: 'check', wanted: check, what: 'Checking the built site' },
  ];
  for (const [index, { script, wanted, what }] of steps.entries()) {
    const number = `${4 + index}.`;
    if (!wanted) {
      log(`${number} Skipped \`${packageManager} run ${script}\` (--no-check).`);
      continue;
    }
    if (!scripts[script]) {
      log(`${number} The site has no "${script}" script in package.json: skipped.`);
      continue;
    }
    if (dryRun) {
      log(`${number} Would run \`${packageManager} run ${script}\`.`);
      continue;
    }
    log(`${number} ${what} (\`${packageManager} run ${script}\`)…`);
    const { code, output } = await run(packageManager, ['run', script], { cwd, env });
    if (code !== 0) {
      throw new UpgradeError(
        `\`${packageManager} run ${script}\` failed after the upgrade to ${versions.to} (exit code ${code}):\n${lastLines(output)}\n  Nothing is committed: the upgrade's changes are in your working tree (git diff shows them).\n  Fix: correct what the message above names, then run \`${packageManager} run ${script}\` and commit. ${undo(versions.from, packageManager)}`,
      );
    }
  }
}

/**
 * How to go back to the version the site had, after a step failed part-way.
 * @param {string} from
 * @param {string} packageManager
 */
export const undo = (from, packageManager) =>
  `To go back to Open Outreach ${from}: git reset --hard && git clean -fd && ${packageManager === 'npm' ? 'npm ci' : `${packageManager} install`}`;
