// @ts-check
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The starter's package.json as every simulated site has it: the kit's packages at `version`
 * (exactly, as `npm create openoutreach@<version>` writes them) and one name for all, so that the
 * sites' package.json and package-lock.json are the same bytes and the fleet check installs them
 * once.
 * @param {string} starterPackageJson
 * @param {string} version
 */
export function memberPackageJson(starterPackageJson, version) {
  const pkg = JSON.parse(starterPackageJson);
  pkg.name = 'openoutreach-member-site';
  pkg.description = 'A simulated Open Outreach member site.';
  for (const name of Object.keys(pkg.dependencies)) {
    if (name.startsWith('@openoutreach/')) pkg.dependencies[name] = version;
  }
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/**
 * The environment in which npm takes the kit's packages (`@openoutreach/*`) from `registry` and
 * everything else from the registry npm is configured with, as a member of a co-op that publishes
 * the kit to a registry of its own would have it (`@openoutreach:registry=…` in `.npmrc`).
 * @param {string} registry
 * @param {NodeJS.ProcessEnv} env
 */
export function kitRegistryEnv(registry, env) {
  return { ...env, 'npm_config_@openoutreach:registry': registry };
}

/**
 * The lockfile of `packageJson` (`npm install --package-lock-only`: metadata only, nothing
 * installed), made once in `dir` and copied into every site. `env` says where npm finds the kit.
 * @param {{ dir: string, packageJson: string, env: NodeJS.ProcessEnv }} options
 * @returns {Promise<string>}
 */
export async function lockKit({ dir, packageJson, env }) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), packageJson);
  const args = ['install', '--package-lock-only', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'];
  const { code, output } = await run('npm', args, { cwd: dir, env });
  if (code !== 0) {
    const registry = execFileSync('npm', ['config', 'get', '@openoutreach:registry'], { cwd: dir, env, encoding: 'utf8' }).trim();
    throw new Error(
      `\`npm ${args.join(' ')}\` failed (exit ${code}) in ${dir}: is the kit published to ${registry}?\n${output.trim().split('\n').slice(-20).join('\n')}`,
    );
  }
  return withoutMissingOptionals(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
}

/**
 * The lockfile without the optional dependencies npm skipped because the registry has no such
 * package (a mirror may lack a platform package, such as vite's Windows-only
 * `napi-windows-process-start-time`): `npm install` records the dependency but not the package,
 * and `npm ci` then refuses the lockfile as out of sync with itself.
 * @param {string} text package-lock.json
 */
export function withoutMissingOptionals(text) {
  const lock = JSON.parse(text);
  const present = new Set(Object.keys(lock.packages ?? {}).map((key) => key.replace(/^.*node_modules\//, '')));
  let changed = false;
  for (const entry of Object.values(lock.packages ?? {})) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      if (present.has(name)) continue;
      delete entry.optionalDependencies[name];
      changed = true;
    }
  }
  return changed ? `${JSON.stringify(lock, null, 2)}\n` : text;
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ code: number, output: string }>}
 */
function run(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', (error) => resolve({ code: 127, output: `${output}${error.message}` }));
    child.once('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
