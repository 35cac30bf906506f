// @ts-check
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageManagerOf } from './steps/install.mjs';
import { findTemplate } from './template.mjs';

/**
 * Everything the steps may read. Each step declares the part it takes with `Pick<Context, …>`.
 * @typedef {import('./steps/read-options.mjs').Options & Setting} Context
 */

/**
 * @typedef {object} Setting
 * @property {string} cwd the folder the command runs in
 * @property {import('./template.mjs').Template} template what is copied
 * @property {string | undefined} kitVersion the range the site asks for the kit's packages;
 *   undefined keeps the template's (the workspace versions in the monorepo)
 * @property {string} packageManager npm, pnpm, yarn or bun
 * @property {NodeJS.ProcessEnv} env for git and the package manager
 * @property {(line: string) => void} log prints one line, or several joined by newlines
 */

/**
 * What the command reads from and writes to; tests inject their own.
 * @typedef {object} Io
 * @property {string} [cwd] the folder the command runs in
 * @property {NodeJS.ProcessEnv} [env] for git and the package manager
 * @property {(line: string) => void} [log] prints one line, or several joined by newlines
 * @property {string} [packageDir] the folder of create-openoutreach, which holds the template
 */

/**
 * @param {import('./steps/read-options.mjs').Options} options
 * @param {Required<Io>} io
 * @returns {Context}
 */
export function createContext(options, { cwd, env, log, packageDir }) {
  const template = findTemplate(packageDir);
  return {
    ...options,
    cwd,
    template,
    kitVersion: template.fromMonorepo ? undefined : `^${ownVersion(packageDir)}`,
    packageManager: packageManagerOf(env),
    env,
    log,
  };
}

/** @param {string} packageDir */
const ownVersion = (packageDir) => JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
