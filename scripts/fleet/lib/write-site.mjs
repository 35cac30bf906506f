// @ts-check
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { setUpLanguages } from '../../../packages/create/src/steps/languages.mjs';
import { generateEvent, generatePost } from '../../bench/lib/posts.mjs';

/** The optional features, and the content folder each publishes. */
const OPTIONAL = /** @type {const} */ (['albums', 'people', 'projects', 'resources']);

/** The site's first commit, at a fixed time: the same profile gives the same commit id on every run. */
const COMMIT_ENV = {
  GIT_AUTHOR_NAME: 'Simulated member',
  GIT_AUTHOR_EMAIL: 'member@example.org',
  GIT_COMMITTER_NAME: 'Simulated member',
  GIT_COMMITTER_EMAIL: 'member@example.org',
  GIT_AUTHOR_DATE: '2026-11-01T12:00:00Z',
  GIT_COMMITTER_DATE: '2026-11-01T12:00:00Z',
};

/** A footer of the site's own, as a techie writes one (like tests/fixtures/override). */
const FOOTER = `---
import { config } from '@openoutreach/astro/runtime';
---

<footer class="member-footer">
  <p>{config.settings.name}: a footer of our own, made by our volunteers.</p>
</footer>
`;

/**
 * Writes one member site into `dir` as `npm create openoutreach` would make it and its group then
 * shape it (`profile`), and commits it: the starter's files (`template`), the shared
 * package.json, lockfile and `.npmrc`, the settings, features and languages of the profile, its own footer
 * if it has one, and its added news and events.
 * @param {string} dir
 * @param {import('./profiles.mjs').SiteProfile} profile
 * @param {{ files: Map<string, Buffer>, packageJson: string, lock?: string, npmrc?: string, host?: string }} shared
 */
export function writeSite(dir, profile, { files, packageJson, lock, npmrc, host = 'sites.example.coop' }) {
  const off = OPTIONAL.filter((feature) => !profile.features[feature]);
  for (const [file, bytes] of files) {
    if (off.some((feature) => file.startsWith(`src/content/${feature}/`))) continue;
    write(dir, file, bytes);
  }
  write(dir, 'package.json', packageJson);
  if (lock) write(dir, 'package-lock.json', lock);
  if (npmrc) write(dir, '.npmrc', npmrc);

  edit(dir, 'src/settings/site.yaml', (text) => withSettings(text, profile));
  const site = 'domain' in profile.address ? `https://${profile.address.domain}` : `https://${host}`;
  edit(dir, 'astro.config.mjs', (text) => withConfig(text, { site, features: profile.features, override: profile.override }));
  if (profile.override) write(dir, 'src/components/Footer.astro', FOOTER);
  withoutReferences(dir, files, profile.features);

  setUpLanguages({ projectDir: dir, languages: profile.languages, dryRun: false, log: () => {} });
  const deeper = profile.languages.length > 1 ? `/${profile.languages[0]}` : '';
  const offset = hashIndex(profile.name) * 10_000;
  for (let index = 0; index < profile.posts; index++) {
    const post = generatePost(offset + index, { photoCount: 0 });
    write(dir, `src/content/news${deeper}/${post.fileName}`, post.markdown);
  }
  for (let index = 0; index < profile.events; index++) {
    const event = generateEvent(offset + index, { photoCount: 0 });
    write(dir, `src/content/events${deeper}/${event.fileName}`, event.event);
  }
  commit(dir);
}

/**
 * The settings with the profile's name, colours, fonts and time zone; comments kept.
 * @param {string} text
 * @param {import('./profiles.mjs').SiteProfile} profile
 */
export function withSettings(text, profile) {
  const settings = parseDocument(text);
  settings.set('name', profile.title);
  settings.set('tagline', `${profile.title}: neighbours working together`);
  settings.setIn(['colours', 'primary'], profile.colours.primary);
  settings.setIn(['colours', 'accent'], profile.colours.accent);
  settings.setIn(['fonts', 'heading'], profile.fonts.heading);
  settings.setIn(['fonts', 'body'], profile.fonts.body);
  settings.set('timeZone', profile.timeZone);
  return settings.toString({ lineWidth: 0 });
}

/**
 * astro.config.mjs with the site's address, its optional features, and its own Footer.
 * @param {string} text
 * @param {{ site: string, features: Record<string, boolean>, override: boolean }} changes
 */
export function withConfig(text, { site, features, override }) {
  const switches = OPTIONAL.map((feature) => `${feature}: ${features[feature]}`).join(', ');
  const components = override ? `\n      components: { Footer: './src/components/Footer.astro' },` : '';
  const replaced = text
    .replace(/^(\s*)site: '[^']*',/m, (_line, indent) => `${indent}site: '${site}',`)
    .replace(/^(\s*)features: \{[^}]*\},/m, (_line, indent) => `${indent}features: { ${switches} },${components}`);
  if (!replaced.includes(`features: { ${switches} }`)) throw new Error('The starter\'s astro.config.mjs has no "features: { … }," line to change.');
  return replaced;
}

/**
 * Nothing may point at a feature that is off: without projects, the home page's featured
 * projects and its link to one, and the `project:` of news and events; without people, the
 * `person:` of news.
 * @param {string} dir
 * @param {Map<string, Buffer>} files
 * @param {import('./profiles.mjs').SiteProfile['features']} features
 */
function withoutReferences(dir, files, features) {
  const fields = [...(features.projects ? [] : ['project']), ...(features.people ? [] : ['person'])];
  if (!features.projects) {
    edit(dir, 'src/content/pages/home.md', (text) =>
      text.replace(/^ {2}- type: featured-projects\n(?: {4}.*\n)+/m, '').replace(/ \[[^\]]*\]\(\/projects\/[^)]*\)\.?/g, ''),
    );
  }
  if (!fields.length) return;
  const field = new RegExp(`^(${fields.join('|')}): .*\\n`, 'gm');
  for (const file of files.keys()) {
    if (/^src\/content\/(news|events)\/.*\.md$/.test(file)) edit(dir, file, (text) => text.replace(field, ''));
  }
}

/** @param {string} dir */
function commit(dir) {
  const env = { ...process.env, ...COMMIT_ENV };
  /** @param {string[]} args */
  const git = (args) => execFileSync('git', args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  git(['init', '--quiet', '--initial-branch=main']);
  git(['add', '--all']);
  git(['commit', '--quiet', '--no-gpg-sign', '--message', 'Create the site from the Open Outreach starter']);
}

/**
 * @param {string} dir
 * @param {string} file
 * @param {string | Buffer} content
 */
function write(dir, file, content) {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), content);
}

/**
 * @param {string} dir
 * @param {string} file
 * @param {(text: string) => string} change
 */
function edit(dir, file, change) {
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
}

/** A small number from a name, so that sites' added posts differ. @param {string} name */
function hashIndex(name) {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) % 9973;
  return hash;
}
