// @ts-check
// A simulated fleet of member sites, for the fleet check's test and benchmark: N sites made from
// the starter, each a git repository of its own with one commit, and a fleet.yaml listing them.
// The sites differ as members' do (languages, optional features, colours, fonts, a Footer of their
// own, from a few pages to a thousand posts) but lock the same kit version with one lockfile.
//   npm exec -- node scripts/fleet/simulate.mjs --sites 200 --out /tmp/fleet --registry http://127.0.0.1:4873/
// (--registry: where the kit is published; the rest comes from npm's configured registry)
//   [--seed fleet] [--version 0.1.0] [--max-posts 1000] [--no-lock]
// See scripts/bench/README.md ("The fleet benchmark").
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { parseArgs } from '../bench/lib/corpus-layout.mjs';
import { kitRegistryEnv, lockKit, memberPackageJson } from './lib/kit-lock.mjs';
import { fleetProfiles } from './lib/profiles.mjs';
import { writeSite } from './lib/write-site.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * @typedef {object} SimulatedFleet
 * @property {string} fleetFile the fleet.yaml listing every site
 * @property {{ name: string, dir: string, profile: import('./lib/profiles.mjs').SiteProfile }[]} sites
 * @property {string} version the kit version every site locks
 * @property {number} seconds how long generating took
 */

/**
 * Makes `count` member sites in `<out>/sites/<name>/` and `<out>/fleet.yaml`. `kit.registry` is
 * the registry the kit `kit.version` (default: this repository's) is published to; everything
 * else comes from the registry npm is configured with in `kit.env` (default: this process's). The
 * lockfile is resolved once and copied into every site, with an `.npmrc` naming `kit.registry`
 * for the kit, so a plain `npm ci` installs it. `kit: false` writes no lockfile (a quick look
 * at the sites; the fleet check needs one).
 * @param {{ count: number, out: string, seed?: string, kit: { registry: string, version?: string, env?: NodeJS.ProcessEnv } | false, maxPosts?: number, host?: string, starter?: string }} options
 * @returns {Promise<SimulatedFleet>}
 */
export async function simulateFleet({ count, out, seed = 'fleet', kit, maxPosts, host = 'sites.example.coop', starter = join(REPO_ROOT, 'starter') }) {
  const started = Date.now();
  if (!Number.isInteger(count) || count < 1) throw new Error(`The fleet needs a whole number of sites, 1 or more (not ${count}).`);
  const sitesDir = join(out, 'sites');
  if (existsSync(sitesDir) && readdirSync(sitesDir).length) throw new Error(`${sitesDir} is not empty: give an empty or new --out folder.`);
  const files = starterFiles(starter);
  const version = (kit && kit.version) || JSON.parse(readFileSync(join(REPO_ROOT, 'packages/astro/package.json'), 'utf8')).version;
  const packageJson = memberPackageJson(files.get('package.json')?.toString('utf8') ?? '', version);
  files.delete('package.json');
  files.delete('package-lock.json');
  const lock = kit ? await lockKit({ dir: join(out, 'lock'), packageJson, env: kitRegistryEnv(kit.registry, kit.env ?? process.env) }) : undefined;
  // Where the kit comes from, for every npm command in the site (the lockfile may not name it).
  const npmrc = kit ? `@openoutreach:registry=${kit.registry}\n` : undefined;

  const profiles = fleetProfiles({ count, seed, maxPosts });
  const sites = profiles.map((profile) => {
    const dir = join(sitesDir, profile.name);
    writeSite(dir, profile, { files, packageJson, lock, npmrc, host });
    return { name: profile.name, dir, profile };
  });
  const fleetFile = join(out, 'fleet.yaml');
  writeFileSync(fleetFile, fleetYaml(sites, host));
  return { fleetFile, sites, version, seconds: (Date.now() - started) / 1000 };
}

/**
 * The fleet file: each site by its repository (`path:`, relative to the fleet file), its branch,
 * and its domain or its sub-path on `host`.
 * @param {SimulatedFleet['sites']} sites
 * @param {string} host
 */
export function fleetYaml(sites, host) {
  const entries = sites.map(({ name, profile }) => ({ name, path: `sites/${name}`, branch: 'main', ...profile.address }));
  return `# A simulated fleet (scripts/fleet/simulate.mjs).\n${stringify({ host, sites: entries }, { lineWidth: 0 })}`;
}

/**
 * The starter's files that git tracks, read once: what `npm create openoutreach` copies.
 * @param {string} starter
 */
function starterFiles(starter) {
  const tracked = execFileSync('git', ['ls-files', '-z', '--', '.'], { cwd: starter, encoding: 'utf8' }).split('\0').filter(Boolean);
  return new Map(tracked.filter((file) => existsSync(join(starter, file))).map((file) => [file, readFileSync(join(starter, file))]));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseArgs(process.argv.slice(2), { sites: 200, out: '', seed: 'fleet', registry: '', version: '', 'max-posts': 1000, 'no-lock': '' });
    if (!options.out) throw new Error('Give the folder to write the fleet into: --out DIR');
    if (!options.registry && !options['no-lock'])
      throw new Error('Give the registry the kit is published to (--registry URL), or --no-lock for sites without a lockfile.');
    const kit = options['no-lock'] ? false : { registry: options.registry, version: options.version || undefined };
    mkdirSync(options.out, { recursive: true });
    const fleet = await simulateFleet({ count: options.sites, out: resolve(options.out), seed: options.seed, kit, maxPosts: options['max-posts'] });
    console.log(`${fleet.sites.length} sites locked to the kit ${fleet.version} in ${fleet.seconds.toFixed(1)} s: ${fleet.fleetFile}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
