// @ts-check
import { createContext } from './context.mjs';
import { CreateError } from './create-error.mjs';
import { checkTarget } from './steps/check-target.mjs';
import { copyTemplate } from './steps/copy-template.mjs';
import { initGit } from './steps/git.mjs';
import { installDependencies } from './steps/install.mjs';
import { setUpLanguages } from './steps/languages.mjs';
import { nextSteps } from './steps/next-steps.mjs';
import { personalise } from './steps/personalise.mjs';
import { HELP, readOptions } from './steps/read-options.mjs';
import { PACKAGE_DIR } from './template.mjs';

/** The steps, in order. Each takes the context and, with `dryRun`, only says what it would do. */
const STEPS = [checkTarget, copyTemplate, personalise, setUpLanguages, initGit, installDependencies, nextSteps];

/**
 * Runs `create-openoutreach` with `argv` (the arguments after the command).
 * @param {string[]} argv
 * @param {import('./context.mjs').Io} [io]
 * @returns {Promise<number>} the exit code: 0 done, 1 a step failed, 2 nothing written (bad
 *   arguments, or a folder in the way)
 */
export async function create(argv, { cwd = process.cwd(), env = process.env, log = console.log, packageDir = PACKAGE_DIR } = {}) {
  try {
    const options = readOptions(argv, { cwd });
    if (options === 'help') {
      log(HELP);
      return 0;
    }
    const ctx = createContext(options, { cwd, env, log, packageDir });
    for (const step of STEPS) await step(ctx);
    return 0;
  } catch (error) {
    if (!(error instanceof CreateError)) throw error;
    log(error.message);
    return error.exitCode;
  }
}
