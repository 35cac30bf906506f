// @ts-check
import { createContext, PACKAGE_DIR } from './context.mjs';
import { HELP, readOptions } from './options.mjs';
import { bumpPackages } from './steps/bump-packages.mjs';
import { checkSite } from './steps/check-site.mjs';
import { commit } from './steps/commit.mjs';
import { findVersions } from './steps/find-versions.mjs';
import { install } from './steps/install.mjs';
import { migrate } from './steps/migrate.mjs';
import { showDiff } from './steps/show-diff.mjs';
import { verify } from './steps/verify.mjs';
import { UpgradeError } from './upgrade-error.mjs';

/** The steps after the versions are known, in order. Each honours `dryRun`. */
const STEPS = [bumpPackages, install, migrate, verify, commit, showDiff];

/**
 * Runs `openoutreach-upgrade` with `argv` (the arguments after the command) in a site's folder.
 * @param {string[]} argv
 * @param {import('./context.mjs').Io} [io]
 * @returns {Promise<number>} the exit code: 0 done (or nothing to do), 1 a step failed part-way,
 *   2 nothing changed (bad arguments, not a site, uncommitted changes)
 */
export async function upgrade(argv, { cwd = process.cwd(), env = process.env, log = console.log, packageDir = PACKAGE_DIR } = {}) {
  try {
    const options = readOptions(argv);
    if (options === 'help') {
      log(HELP);
      return 0;
    }
    const ctx = createContext(options, { cwd, env, log, packageDir });
    checkSite(ctx);
    if (!(await findVersions(ctx))) return 0;
    for (const step of STEPS) await step(ctx);
    if (!options.dryRun) log(`\nDone: the site is on Open Outreach ${ctx.versions.to}. Push the commit (or open a pull request) to publish it.`);
    return 0;
  } catch (error) {
    if (!(error instanceof UpgradeError)) throw error;
    log(error.message);
    return error.exitCode;
  }
}
