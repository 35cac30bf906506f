// @ts-check
import { execFileSync, spawn } from 'node:child_process';

/**
 * Runs a command and collects what it prints: `output` has stdout and stderr interleaved.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ code: number, output: string, stdout: string }>}
 */
export function run(command, args, { cwd, env }) {
  return new Promise((resolve) => {
    // Windows starts npm through its .cmd shim, which only a shell runs.
    const child = spawn(command, args, { cwd, env, shell: process.platform === 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', (error) => resolve({ code: 127, output: `${output}${error.message}`, stdout }));
    child.once('close', (code) => resolve({ code: code ?? 1, output, stdout }));
  });
}

/**
 * Runs git and returns what it prints; throws with git's own first line of error.
 * @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv }} options
 */
export function git(args, { cwd, env }) {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * The last lines of a command's output, to show under an error.
 * @param {string} output
 * @param {number} [count]
 */
export function lastLines(output, count = 30) {
  const lines = output.trimEnd().split('\n');
  return (lines.length > count ? ['…', ...lines.slice(-count)] : lines).map((line) => `  | ${line}`).join('\n');
}
