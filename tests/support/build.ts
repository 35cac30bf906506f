import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const ASTRO_BIN = join(dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');

/**
 * The environment without vitest's variables: a member's shell has none, and under
 * NODE_ENV=test Vite would build in development mode.
 */
export function userEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|VITE_|NODE_ENV$|TEST$|MODE$)/.test(name)));
}

export interface BuildResult {
  code: number;
  output: string;
}

/**
 * Runs `astro build` in `dir` with this process's Node (≥ 22), returning its exit code and output.
 * `env` adds variables to a member's environment, e.g. `OPENOUTREACH_BUILD_DATE`.
 */
export function astroBuild(dir: string, args: string[] = [], env: Record<string, string> = {}): Promise<BuildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ASTRO_BIN, 'build', ...args], {
      cwd: dir,
      env: { ...userEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
