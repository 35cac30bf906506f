// @ts-check
// npm run release: versions the kit from its changesets, commits "Release x.y.z", tags it vx.y.z and
// publishes every kit package to the registry named in the environment.
// npm run release -- --no-publish: the same, without publishing (CI publishes the pushed tag).
// npm run release -- --publish-only: builds and publishes what the registry lacks (after a
// release whose publishing failed halfway, or to fill a registry of one's own).
// docs/releasing.md says how the co-op uses it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP_MIGRATIONS = 'packages/upgrade/scripts/stamp-migrations.mjs';
const publishOnly = process.argv.includes('--publish-only');
const publish = !process.argv.includes('--no-publish');

const registry = process.env.npm_config_registry || process.env.NPM_CONFIG_REGISTRY;
if (!registry && publish) {
  fail(
    "Name the registry to release to, e.g. `npm_config_registry=https://registry.npmjs.org/ npm run release` (or your own registry's address); see docs/releasing.md.",
  );
}
// changesets reads the lower-case name only.
if (registry) process.env.npm_config_registry = registry;

const kit = kitPackages();
if (publishOnly) {
  buildAndPublish();
} else {
  release();
}

/** Versions, commits, tags, then publishes. */
function release() {
  const dirty = git('status', '--porcelain');
  if (dirty) fail(`The repository has uncommitted changes; commit or stash them first, so the release commit holds only the release:\n${dirty}`);
  if (!pendingChangesets().length) fail('Nothing to release: .changeset/ has no changesets. Add one with `npx changeset` for each user-facing change.');
  const before = kitVersion();
  run('npx', ['--no-install', 'changeset', 'version']);
  const version = kitVersion();
  if (version === before) fail(`changeset version left the kit at ${before}; are the changesets about kit packages?`);
  if (existsSync(join(ROOT, STAMP_MIGRATIONS))) run(process.execPath, [STAMP_MIGRATIONS]);
  run('npm', ['install', '--package-lock-only', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund']);
  const changed = changedFiles();
  if (changed.length) run('npx', ['--no-install', 'prettier', '--write', '--log-level', 'warn', ...changed]);
  git('add', '--all');
  git('commit', '--quiet', '--message', `Release ${version}`);
  git('tag', '--annotate', `v${version}`, '--message', `Open Outreach ${version}`);
  if (!publish) {
    console.log(`Committed and tagged the release v${version}. Push the commit and its tag: git push --follow-tags`);
    return;
  }
  console.log(`Committed and tagged the release v${version}. Publishing to ${registry}…`);
  buildAndPublish();
  console.log(`Released Open Outreach ${version}. Push the commit and its tag: git push --follow-tags`);
}

/**
 * Builds the kit's packages once with turbo, then `changeset publish` publishes each version the
 * registry does not have yet (tags are the release's own vx.y.z). With OPENOUTREACH_PREBUILT=1 the
 * packages' prepack keeps the dist/ just built: changesets packs them all at once, and a rebuild
 * there would swap a dist/ another package's pack is reading.
 */
function buildAndPublish() {
  run('npx', ['--no-install', 'turbo', 'run', 'build', '--output-logs=errors-only', ...kit.map(({ name }) => `--filter=${name}`)]);
  const before = leftovers();
  const published = spawnSync('npx', ['--no-install', 'changeset', 'publish', '--no-git-tag'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, OPENOUTREACH_PREBUILT: '1' },
  });
  const left = leftovers().filter((line) => !before.includes(line));
  if (left.length) fail(`Publishing left files behind in the repository (a prepack without its postpack?); remove them:\n${left.join('\n')}`);
  if (published.status !== 0) {
    fail(`Publishing the kit to ${registry} failed (above). Once fixed, \`npm run release -- --publish-only\` publishes what the registry still lacks.`);
  }
}

/** The published (not private) workspaces: the kit. */
function kitPackages() {
  return ['packages', 'themes']
    .flatMap((folder) => readdirSync(join(ROOT, folder)).map((name) => join(ROOT, folder, name, 'package.json')))
    .filter((file) => existsSync(file))
    .map((file) => ({ file, ...JSON.parse(readFileSync(file, 'utf8')) }))
    .filter((manifest) => !manifest.private);
}

/** The kit's one version (its packages are a `fixed` group in .changeset/config.json). */
function kitVersion() {
  const versions = new Set(kit.map(({ file }) => JSON.parse(readFileSync(file, 'utf8')).version));
  if (versions.size !== 1)
    fail(`The kit's packages have different versions (${[...versions].join(', ')}); .changeset/config.json should keep them one fixed group.`);
  return [...versions][0];
}

function pendingChangesets() {
  return readdirSync(join(ROOT, '.changeset')).filter((name) => name.endsWith('.md') && name !== 'README.md');
}

/** Files `changeset version` and the lockfile update changed, for Prettier (changelogs, package.json). */
function changedFiles() {
  return git('status', '--porcelain')
    .split('\n')
    .filter((line) => line && !line.startsWith(' D') && !line.startsWith('D '))
    .map((line) => line.slice(3))
    .filter((file) => /\.(md|json)$/.test(file) && file !== 'package-lock.json');
}

/** What `git status` says of the kit's folders: a publish must leave nothing new there (built dist/ is ignored). */
function leftovers() {
  return git('status', '--porcelain', '--', 'packages', 'themes')
    .split('\n')
    .filter((line) => line.startsWith('??'));
}

/** @param {string[]} args */
function git(...args) {
  const result = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) fail(`git ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout.trim();
}

/** @param {string} command @param {string[]} args */
function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` failed (above).`);
}

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`npm run release: ${message}`);
  process.exit(1);
}
