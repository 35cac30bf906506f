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
 * @property {NodeJS.WritableStream} output where a spinner goes, in a terminal
 * @property {boolean} terminal whether a person is at a terminal (input and output are TTYs)
 */

/**
 * What the command reads from and writes to; tests inject their own.
 * @typedef {object} Io
 * @property {string} [cwd] the folder the command runs in
 * @property {NodeJS.ProcessEnv} [env] for git and the package manager
 * @property {(line: string) => void} [log] prints one line, or several joined by newlines;
 *   writes to `output` unless given
 * @property {NodeJS.ReadableStream} [input] where answers come from (process.stdin)
 * @property {NodeJS.WritableStream & { isTTY?: boolean }} [output] where questions and progress
 *   go (process.stdout); prompts and the spinner only when both `input` and `output` are TTYs
 * @property {string} [packageDir] the folder of create-openoutreach, which holds the template
 */

/**
 * @param {import('./steps/read-options.mjs').Options} options
 * @param {Required<Pick<Io, 'cwd' | 'env' | 'log' | 'packageDir' | 'output'>> & { terminal: boolean }} io
 * @returns {Context}
 */
export function createContext(options, { cwd, env, log, packageDir, output, terminal }) {
  const template = findTemplate(packageDir);
  return {
    ...options,
    cwd,
    template,
    kitVersion: template.fromMonorepo ? undefined : `^${ownVersion(packageDir)}`,
    packageManager: packageManagerOf(env),
    env,
    log,
    output,
    terminal,
  };
}

/** @param {string} packageDir */
const ownVersion = (packageDir) => JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
