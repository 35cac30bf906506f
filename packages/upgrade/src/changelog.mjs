// @ts-check
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions, isBetween, isVersion } from './versions.mjs';

/**
 * One entry of a package's CHANGELOG.md, as changesets writes them:
 * `## 0.3.0`, `### Minor Changes`, `- abc1234: What changed`.
 * @typedef {object} ChangelogEntry
 * @property {string} version
 * @property {string} kind `Major Changes`, `Minor Changes` or `Patch Changes`
 * @property {string} text the entry without its bullet, continuation lines kept
 */

/**
 * The entries of a changelog for the versions after `from` up to `to`, leaving out the
 * "Updated dependencies" entries that changesets adds to every package of the kit.
 * @param {string} markdown
 * @param {string} from
 * @param {string} to
 * @returns {ChangelogEntry[]}
 */
export function changelogEntries(markdown, from, to) {
  /** @type {ChangelogEntry[]} */
  const entries = [];
  let version = '';
  let kind = '';
  /** @type {ChangelogEntry | undefined} */
  let entry;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^(#{2,3})\s+(.*?)\s*$/.exec(line);
    if (heading) {
      entry = undefined;
      if (heading[1] === '##') [version, kind] = [heading[2] ?? '', ''];
      else kind = heading[2] ?? '';
      continue;
    }
    if (!isVersion(version) || !isBetween(version, from, to)) continue;
    if (line.startsWith('- ')) {
      entry = { version, kind, text: line.slice(2) };
      if (!/^Updated dependencies/.test(entry.text)) entries.push(entry);
    } else if (entry && /^\s+\S/.test(line)) {
      entry.text += `\n${line.replace(/^ {2}/, '')}`;
    } else if (line.trim() === '') {
      entry = undefined;
    }
  }
  return entries;
}

/**
 * The changes of the kit between two versions, from the CHANGELOG.md of each `@openoutreach`
 * package installed in the site and of the upgrade itself (`upgradeDir`), as lines for a commit
 * message: each version's entries once, with the packages they come from.
 * @param {string} siteDir
 * @param {string} from
 * @param {string} to
 * @param {string} [upgradeDir] the folder of `@openoutreach/upgrade`, which a site runs with npx
 */
export function kitChanges(siteDir, from, to, upgradeDir) {
  const scope = join(siteDir, 'node_modules', '@openoutreach');
  const folders = new Map((existsSync(scope) ? readdirSync(scope) : []).map((name) => [`@openoutreach/${name}`, join(scope, name)]));
  if (upgradeDir && !folders.has('@openoutreach/upgrade')) folders.set('@openoutreach/upgrade', upgradeDir);
  /** @type {Map<string, { entry: ChangelogEntry, packages: string[] }>} */
  const byText = new Map();
  for (const [name, folder] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    const file = join(folder, 'CHANGELOG.md');
    if (!existsSync(file)) continue;
    for (const entry of changelogEntries(readFileSync(file, 'utf8'), from, to)) {
      const key = `${entry.version}\n${entry.text}`;
      const seen = byText.get(key);
      if (seen) seen.packages.push(name);
      else byText.set(key, { entry, packages: [name] });
    }
  }
  const found = [...byText.values()].sort((a, b) => compareVersions(a.entry.version, b.entry.version));
  /** @type {string[]} */
  const lines = [];
  for (const { entry, packages } of found) {
    if (lines.at(-1) === undefined || !lines.includes(`${entry.version}:`)) lines.push(...(lines.length ? [''] : []), `${entry.version}:`);
    const [first, ...rest] = `${entry.text} (${packages.join(', ')})`.split('\n');
    lines.push(`- ${first}`, ...rest.map((line) => `  ${line}`));
  }
  return lines;
}
