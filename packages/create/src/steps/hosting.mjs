// @ts-check
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HOST_FILES, HOSTS } from '../hosts.mjs';
import { dailyCronInUtc } from '../schedule.mjs';
import { templateChanged } from './personalise.mjs';

/** The starter's time zone, which its host files are written for. */
const STARTER_ZONE = 'America/Toronto';

/**
 * Sets the site up for its host: keeps that host's files of the starter and leaves out the other
 * hosts', fills in the published branch and the daily rebuild's time (from the site's time zone),
 * and writes the CMS backend into astro.config.mjs.
 * @param {Pick<import('../context.mjs').Context, 'projectDir' | 'host' | 'repo' | 'branch' | 'appId' | 'timeZone' | 'dryRun' | 'log'>} ctx
 */
export function setUpHosting({ projectDir, host, repo, branch, appId, timeZone, dryRun, log }) {
  const { label, files } = HOSTS[host];
  const left = HOST_FILES.filter((file) => !files.includes(file));
  const backend = repo ? HOSTS[host].backend(repo, branch, appId) : undefined;
  const summary = `the files for ${label} (${files.join(', ')}), without the other hosts' (${left.join(', ')}); CMS sign-in: ${backend ? `${backend.name} ${repo}` : 'not set up, no --repo'}`;
  if (dryRun) {
    log(`Would keep ${summary}.`);
    return;
  }
  for (const file of left) removeFile(projectDir, file);
  for (const file of files) {
    const fill = FILL[file];
    const path = join(projectDir, file);
    if (fill && existsSync(path)) writeFileSync(path, fill(readFileSync(path, 'utf8'), { branch, timeZone, files }));
  }
  const config = join(projectDir, 'astro.config.mjs');
  writeFileSync(config, withBackend(readFileSync(config, 'utf8'), backend, HOSTS[host].backend('OWNER/REPOSITORY', branch, undefined)));
  log(`Kept ${summary}.`);
}

/**
 * How each host file is filled in for the site (`files`: the host's files).
 * @type {Record<string, (text: string, values: { branch: string, timeZone: string, files: string[] }) => string>}
 */
const FILL = {
  '.github/workflows/check.yml': (text, { branch, files }) =>
    files.includes('.github/workflows/deploy.yml') ? withoutPublishedBranch(text, branch, '.github/workflows/check.yml') : text,
  '.forgejo/workflows/check.yml': (text, { branch, files }) =>
    files.includes('.forgejo/workflows/deploy.yml') ? withoutPublishedBranch(text, branch, '.forgejo/workflows/check.yml') : text,
  '.github/workflows/deploy.yml': (text, { branch, timeZone }) => withZone(withBranch(text, branch, '.github/workflows/deploy.yml'), timeZone),
  '.github/workflows/rebuild.yml': (text, { timeZone }) => withZone(text, timeZone),
  '.forgejo/workflows/deploy.yml': (text, { branch, timeZone }) =>
    replaceLine(
      withBranch(text, branch, '.forgejo/workflows/deploy.yml'),
      /^(\s*- cron: )'[^']*'$/m,
      `$1'${dailyCronInUtc(timeZone)}'`,
      '.forgejo/workflows/deploy.yml',
      "- cron: '…'",
    ).replaceAll(STARTER_ZONE, timeZone),
  '.gitlab-ci.yml': (text, { timeZone }) => text.replaceAll(STARTER_ZONE, timeZone),
};

/**
 * @param {string} text
 * @param {string} branch
 * @param {string} file
 */
const withBranch = (text, branch, file) => replaceLine(text, /^(\s*branches: )\[main\]$/m, `$1[${branch}]`, file, 'branches: [main]');

/**
 * The check workflow without pushes to the published branch, which the deploy workflow builds
 * and checks already: one build per push, not two.
 * @param {string} text
 * @param {string} branch
 * @param {string} file
 */
const withoutPublishedBranch = (text, branch, file) =>
  replaceLine(
    text,
    /^  push:$/m,
    `  push:\n    # ${branch} is built and checked by deploy.yml, which publishes it.\n    branches-ignore: [${branch}]`,
    file,
    'push:',
  );

/**
 * A GitHub workflow's schedule in the site's time zone.
 * @param {string} text
 * @param {string} timeZone
 */
const withZone = (text, timeZone) =>
  replaceLine(text, /^(\s*timezone: ).*$/m, `$1${timeZone}`, 'a GitHub workflow', 'timezone:').replaceAll(STARTER_ZONE, timeZone);

/**
 * @param {string} text
 * @param {RegExp} line
 * @param {string} replacement
 * @param {string} file
 * @param {string} expected
 */
function replaceLine(text, line, replacement, file, expected) {
  if (!line.test(text)) throw templateChanged(file, expected);
  return text.replace(line, replacement);
}

/**
 * astro.config.mjs with its `cms: { backend: … }` line set to `backend`, or, without one, turned
 * into a comment showing what to write once the repository is known.
 * @param {string} text
 * @param {Record<string, string> | undefined} backend
 * @param {Record<string, string>} example the backend with placeholders
 */
export function withBackend(text, backend, example) {
  const line = /^([ \t]*)cms: \{ backend: \{.*\} \},[ \t]*$/m;
  const match = line.exec(text);
  if (!match) throw templateChanged('astro.config.mjs', 'cms: { backend: { … } },');
  const indent = match[1];
  const replacement = backend
    ? `${indent}cms: { backend: ${objectLiteral(backend)} },`
    : `${indent}// Set the repository to let editors sign in on the published site:\n${indent}// cms: { backend: ${objectLiteral(example)} },`;
  return text.replace(line, () => replacement);
}

/** @param {Record<string, string>} object */
const objectLiteral = (object) =>
  `{ ${Object.entries(object)
    .map(([key, value]) => `${key}: '${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`)
    .join(', ')} }`;

/**
 * Removes a file of the template and the folders it leaves empty.
 * @param {string} root
 * @param {string} file
 */
function removeFile(root, file) {
  rmSync(join(root, file), { force: true });
  for (let dir = dirname(join(root, file)); dir !== root && existsSync(dir) && readdirSync(dir).length === 0; dir = dirname(dir)) rmdirSync(dir);
}
