// @ts-check
import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import { CreateError } from '../create-error.mjs';
import { FIRST_COMMIT_MESSAGE } from './git.mjs';

/**
 * Installs the site's dependencies with the package manager that ran this command, showing that
 * it is still at work: in a terminal a spinner with the seconds, elsewhere a line now and then.
 * @param {Pick<import('../context.mjs').Context, 'cwd' | 'projectDir' | 'install' | 'git' | 'packageManager' | 'env' | 'terminal' | 'output' | 'dryRun' | 'log'>} ctx
 * @param {{ every?: number }} [timing] how often, in milliseconds, a line says it is still installing (not in a terminal)
 */
export async function installDependencies({ cwd, projectDir, install, git, packageManager, env, terminal, output, dryRun, log }, { every = 20_000 } = {}) {
  if (!install) return;
  const command = `${packageManager} install`;
  if (dryRun) {
    log(`Would run \`${command}\` in the site's folder.`);
    return;
  }
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  const progress = terminal
    ? spinner(output, () => `Installing the dependencies with ${packageManager}… ${seconds()}s`)
    : ticker(every, () => log(`  still installing… ${seconds()}s`));
  if (!terminal) log(`Installing the dependencies with ${packageManager} (this can take a few minutes)…`);
  const result = await run(packageManager, ['install'], { cwd: projectDir, env });
  progress.stop();
  if (result.code !== 0) {
    if (result.output.trim()) log(lastLines(result.output, 30));
    const folder = relative(cwd, projectDir) || '.';
    const commit = git ? `, then \`git init && git add -A && git commit -m "${FIRST_COMMIT_MESSAGE}"\` (local editing needs the commit)` : '';
    throw new CreateError(
      `\`${command}\` failed (exit code ${result.code}). The site's files are in place; only its dependencies are missing${git ? ', and it is not committed to git yet' : ''}.\n  Fix: check your internet connection, then run \`cd ${folder}\` and \`${command}\`${commit}.`,
    );
  }
  log(`Installed the dependencies with ${packageManager} in ${seconds()}s.`);
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Redraws one line in place until stopped, then clears it.
 * @param {NodeJS.WritableStream} output
 * @param {() => string} text
 */
function spinner(output, text) {
  let frame = 0;
  const draw = () => output.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${text()}`);
  draw();
  const timer = setInterval(draw, 100);
  return {
    stop() {
      clearInterval(timer);
      output.write('\r\x1b[2K');
    },
  };
}

/**
 * @param {number} every milliseconds
 * @param {() => void} tick
 */
function ticker(every, tick) {
  const timer = setInterval(tick, every);
  return { stop: () => clearInterval(timer) };
}

/**
 * @param {string} text
 * @param {number} count
 */
const lastLines = (text, count) => text.trim().split('\n').slice(-count).join('\n');

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ code: number, output: string }>}
 */
function run(command, args, { cwd, env }) {
  return new Promise((resolve) => {
    // Windows starts npm through its .cmd shim, which only a shell runs.
    const child = spawn(command, args, { cwd, env, shell: process.platform === 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', (error) => resolve({ code: 127, output: `${output}${error.message}` }));
    child.once('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * The package manager that started this command (`npm create`, `pnpm create`, `yarn create`,
 * `bun create`), from the user agent it sets; npm when unknown.
 * @param {NodeJS.ProcessEnv} env
 */
export function packageManagerOf(env) {
  const name = env.npm_config_user_agent?.split('/')[0];
  return name === 'pnpm' || name === 'yarn' || name === 'bun' ? name : 'npm';
}
