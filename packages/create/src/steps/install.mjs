// @ts-check
import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import { CreateError } from '../create-error.mjs';

/**
 * Installs the site's dependencies with the package manager that ran this command.
 * @param {Pick<import('../context.mjs').Context, 'cwd' | 'projectDir' | 'install' | 'packageManager' | 'env' | 'dryRun' | 'log'>} ctx
 */
export async function installDependencies({ cwd, projectDir, install, packageManager, env, dryRun, log }) {
  if (!install) return;
  if (dryRun) {
    log(`Would run \`${packageManager} install\` in the site's folder.`);
    return;
  }
  log(`Installing the dependencies with ${packageManager} (this can take a few minutes)…`);
  const { code, output } = await run(packageManager, ['install'], { cwd: projectDir, env });
  if (output.trim()) log(output.trim());
  if (code !== 0) {
    throw new CreateError(
      `\`${packageManager} install\` failed (exit code ${code}). The site's files are in place; only its dependencies are missing.\n  Fix: check your internet connection, then run \`cd ${relative(cwd, projectDir) || '.'}\` and \`${packageManager} install\`.`,
    );
  }
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ code: number, output: string }>}
 */
function run(command, args, { cwd, env }) {
  return new Promise((resolve) => {
    // Windows starts npm through its .cmd shim, which only a shell runs.
    const child = spawn(command, args, { cwd, env, shell: process.platform === 'win32' });
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
