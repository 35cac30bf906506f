// @ts-check
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KIT_PACKAGE, ownVersion } from '../context.mjs';
import { lastLines, run } from '../run.mjs';
import { UpgradeError } from '../upgrade-error.mjs';
import { compareVersions } from '../versions.mjs';

/**
 * Finds the kit version the site has (the installed `@openoutreach/astro`) and the one to move
 * to (the registry's latest, or --to). Returns false when there is nothing to do.
 * @param {import('../context.mjs').Context} ctx
 */
export async function findVersions(ctx) {
  const { cwd, env, log, to, packageDir } = ctx;
  const from = installedVersion(cwd);
  const target = to ?? (await registryVersion(cwd, env, 'latest'));
  if (!target) {
    throw new UpgradeError(
      `The registry has no ${KIT_PACKAGE}.\n  Fix: check which registry npm uses (\`npm config get registry\`; a site's .npmrc may name the co-op's), then run the upgrade again.`,
    );
  }
  if (to !== undefined && (await registryVersion(cwd, env, to)) !== to) {
    throw new UpgradeError(
      `Open Outreach ${to} is not in the registry.\n  Fix: pick a published version (\`npm view ${KIT_PACKAGE} versions\` lists them), or leave out --to for the latest.`,
      { exitCode: 2 },
    );
  }
  const order = compareVersions(target, from);
  if (order === 0) {
    log(`The site already has Open Outreach ${from}${to ? '' : ', the latest'}. Nothing to do.`);
    return false;
  }
  if (order < 0) {
    throw new UpgradeError(
      `The site has Open Outreach ${from}, newer than ${target}. The upgrade only moves forward, as migrations cannot be undone.\n  Fix: to go back, revert the upgrade's commit with git (git log shows it).`,
      { exitCode: 2 },
    );
  }
  const own = ownVersion(packageDir);
  if (compareVersions(own, target) < 0) {
    throw new UpgradeError(
      `This @openoutreach/upgrade is ${own}: it does not know the migrations of Open Outreach ${target}.\n  Fix: run the latest upgrade: npx @openoutreach/upgrade@latest`,
      { exitCode: 2 },
    );
  }
  ctx.versions = { from, to: target };
  log(`Upgrading Open Outreach from ${from} to ${target}${ctx.dryRun ? ' (dry run: nothing will be changed)' : ''}.`);
  return true;
}

/** @param {string} cwd */
function installedVersion(cwd) {
  const file = join(cwd, 'node_modules', ...KIT_PACKAGE.split('/'), 'package.json');
  try {
    return /** @type {string} */ (JSON.parse(readFileSync(file, 'utf8')).version);
  } catch {
    throw new UpgradeError(
      `${KIT_PACKAGE} is not installed in this site (node_modules/${KIT_PACKAGE} is missing), so its kit version is unknown.\n  Fix: run \`npm ci\` (or \`npm install\`), then the upgrade again.`,
      { exitCode: 2 },
    );
  }
}

/**
 * The version of the kit the registry gives for `wanted` (a version or a tag), or undefined.
 * @param {string} cwd
 * @param {NodeJS.ProcessEnv} env
 * @param {string} wanted
 */
async function registryVersion(cwd, env, wanted) {
  const { code, output, stdout } = await run('npm', ['view', `${KIT_PACKAGE}@${wanted}`, 'version', '--json'], { cwd, env });
  if (code !== 0) {
    if (/E404|404 Not Found/.test(output)) return undefined;
    throw new UpgradeError(
      `Could not ask the registry for ${KIT_PACKAGE} (npm view failed):\n${lastLines(output, 8)}\n  Fix: check your internet connection (and the registry in .npmrc, if the site names one), then run the upgrade again.`,
    );
  }
  const text = stdout.trim();
  if (!text) return undefined;
  const value = JSON.parse(text);
  // A range that several versions match gives a list, oldest first.
  return /** @type {string} */ (Array.isArray(value) ? value.at(-1) : value);
}
