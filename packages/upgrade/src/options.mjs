// @ts-check
import { parseArgs } from 'node:util';
import { UpgradeError } from './upgrade-error.mjs';
import { isVersion } from './versions.mjs';

export const HELP = `Moves an Open Outreach site to a newer version of the kit. Run it in the site's folder:

  npx @openoutreach/upgrade@latest [--to <version>] [--dry-run]

It refuses to start while the site's git repository has uncommitted changes. Then it
  1. sets every @openoutreach package in package.json to the new version,
  2. installs them (npm install),
  3. runs the kit's migrations between the two versions (they rewrite settings, content or
     astro.config.mjs where the kit changed, e.g. a renamed field),
  4. builds the site (npm run build) and checks it (npm run check),
  5. commits the changes, with the kit's changelog in the commit message.

  --to <version>   upgrade to this version instead of the latest, e.g. --to 0.3.0
  --dry-run        show what would change (package.json and each migration's edits) and change nothing
  --no-check       skip \`npm run check\` (when this computer cannot run it; the site's CI will)
  --help           show this help

If a step fails, nothing is committed: the message says how to go back.`;

/**
 * @typedef {object} Options
 * @property {string | undefined} to the version asked for; undefined for the latest
 * @property {boolean} dryRun
 * @property {boolean} check whether to run the site's `npm run check`
 */

/**
 * The options of `argv` (the arguments after the command), checked.
 * @param {string[]} argv
 * @returns {Options | 'help'}
 */
export function readOptions(argv) {
  const { values, positionals } = parse(argv);
  if (values.help) return 'help';
  if (positionals.length) throw usageError(`Unexpected argument: ${positionals.join(' ')}. The upgrade runs in the site's folder and takes only options.`);
  const to = values.to?.trim().replace(/^v/, '');
  if (to !== undefined && !isVersion(to)) throw usageError(`--to takes a version number such as 0.3.0, not "${values.to}".`);
  return { to, dryRun: values['dry-run'], check: values.check };
}

/** @param {string[]} argv */
function parse(argv) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        to: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        check: { type: 'boolean', default: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    const message = /** @type {Error} */ (error).message.replace(/\. To specify .*$/s, '.');
    throw usageError(message);
  }
}

/** @param {string} problem */
const usageError = (problem) =>
  new UpgradeError(`${problem}\n  Usage: npx @openoutreach/upgrade@latest [--to <version>] [--dry-run] [--no-check]  (--help says more)`, { exitCode: 2 });
