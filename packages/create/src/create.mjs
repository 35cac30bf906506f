// @ts-check
import { createContext } from './context.mjs';
import { CreateError } from './create-error.mjs';
import { askOptions } from './steps/ask-options.mjs';
import { checkTarget } from './steps/check-target.mjs';
import { copyTemplate } from './steps/copy-template.mjs';
import { initGit } from './steps/git.mjs';
import { setUpHosting } from './steps/hosting.mjs';
import { installDependencies } from './steps/install.mjs';
import { setUpLanguages } from './steps/languages.mjs';
import { nextSteps } from './steps/next-steps.mjs';
import { personalise } from './steps/personalise.mjs';
import { checkOptions, HELP, parseArguments } from './steps/read-options.mjs';
import { PACKAGE_DIR } from './template.mjs';

/**
 * The steps, in order. Each takes the context and, with `dryRun`, only says what it would do. The
 * first commit comes after the install, so that the lockfile is in it and the repository is
 * clean, as local editing needs.
 */
const STEPS = [checkTarget, copyTemplate, personalise, setUpHosting, setUpLanguages, installDependencies, initGit, nextSteps];

/**
 * Runs `create-openoutreach` with `argv` (the arguments after the command).
 * @param {string[]} argv
 * @param {import('./context.mjs').Io} [io] what it reads and writes: the process's own unless given
 * @returns {Promise<number>} the exit code: 0 done, 1 a step failed, 2 nothing written (bad
 *   arguments, or a folder in the way)
 */
export async function create(argv, io = {}) {
  const { cwd = process.cwd(), env = process.env, input = process.stdin, output = process.stdout, packageDir = PACKAGE_DIR } = io;
  const log = io.log ?? ((/** @type {string} */ line) => output.write(`${line}\n`));
  try {
    const args = parseArguments(argv);
    if (args.help) {
      log(HELP);
      return 0;
    }
    // In a terminal, ask for what the arguments leave out; in a script or CI, never wait for input.
    const terminal = Boolean(/** @type {{ isTTY?: boolean }} */ (input).isTTY && output.isTTY);
    const answered = terminal && !args.yes ? await askOptions(args, { cwd, input, output }) : args;
    const ctx = createContext(checkOptions(answered, { cwd }), { cwd, env, log, packageDir, output, terminal });
    for (const step of STEPS) await step(ctx);
    return 0;
  } catch (error) {
    if (!(error instanceof CreateError)) throw error;
    log(error.message);
    return error.exitCode;
  }
}
