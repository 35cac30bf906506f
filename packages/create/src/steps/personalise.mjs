// @ts-check
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CreateError } from '../create-error.mjs';

/**
 * Makes the copied starter the group's: the package's name, the kit's dependency versions, the
 * site's name and time zone in its settings, and `site`/`base` in astro.config.mjs.
 * @param {Pick<import('../context.mjs').Context, 'projectDir' | 'name' | 'site' | 'base' | 'timeZone' | 'kitVersion' | 'dryRun' | 'log'>} ctx
 */
export function personalise({ projectDir, name, site, base, timeZone, kitVersion, dryRun, log }) {
  const packageName = packageNameFor(basename(projectDir));
  const changes = [
    `package.json: name "${packageName}"${kitVersion ? `, the kit's packages at ${kitVersion}` : ''}${base && base !== '/' ? `, the check at ${base}` : ''}`,
    `src/settings/site.yaml: name ${yamlString(name)}, timeZone ${timeZone}`,
    ...(site || base ? [`astro.config.mjs: ${[site && `site '${site}'`, base && `base '${base}'`].filter(Boolean).join(', ')}`] : []),
  ];
  if (dryRun) {
    log(`Would set ${changes.join('; ')}.`);
    return;
  }
  edit(projectDir, 'package.json', (text) => withPackageJson(text, { packageName, name, kitVersion, base }));
  edit(projectDir, 'src/settings/site.yaml', (text) => withTimeZone(withSiteName(text, name), timeZone));
  if (site || base) edit(projectDir, 'astro.config.mjs', (text) => withSiteAndBase(text, { site, base }));
  log(`Set ${changes.join('; ')}.`);
}

/**
 * @param {string} dir
 * @param {string} file
 * @param {(text: string) => string} change
 */
function edit(dir, file, change) {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

/**
 * A valid npm package name made from a folder's name: "My Group Site!" → "my-group-site".
 * @param {string} folder
 */
export function packageNameFor(folder) {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '')
    .slice(0, 214);
  return name || 'openoutreach-site';
}

/**
 * @param {string} text package.json
 * @param {{ packageName: string, name: string, kitVersion: string | undefined, base?: string | undefined }} changes
 *   `kitVersion` replaces the version of every `@openoutreach/` dependency; undefined keeps them.
 *   `base` goes to the check, which serves dist/ under it as the host will.
 */
export function withPackageJson(text, { packageName, name, kitVersion, base }) {
  const pkg = JSON.parse(text);
  pkg.name = packageName;
  pkg.description = `The website of ${name}, made with Open Outreach.`;
  if (base && base !== '/' && pkg.scripts?.check) pkg.scripts.check = `${pkg.scripts.check} --base ${base}`;
  for (const dependencies of kitVersion ? [pkg.dependencies, pkg.devDependencies] : []) {
    for (const dependency of Object.keys(dependencies ?? {})) {
      if (dependency.startsWith('@openoutreach/')) dependencies[dependency] = kitVersion;
    }
  }
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/**
 * The settings file with its top-level `name:` set to `name`; comments and the rest are kept.
 * @param {string} text src/settings/site.yaml
 * @param {string} name
 */
export function withSiteName(text, name) {
  const line = /^name:.*$/m;
  if (!line.test(text)) throw templateChanged('src/settings/site.yaml', 'name:');
  return text.replace(line, () => `name: ${yamlString(name)}`);
}

/**
 * The settings file with its top-level `timeZone:` set to `zone` (an IANA name, plain in YAML).
 * @param {string} text src/settings/site.yaml
 * @param {string} zone
 */
export function withTimeZone(text, zone) {
  const line = /^timeZone:.*$/m;
  if (!line.test(text)) throw templateChanged('src/settings/site.yaml', 'timeZone:');
  return text.replace(line, () => `timeZone: ${zone}`);
}

/**
 * `value` as a YAML scalar: plain when it reads back as the same string, else double-quoted
 * (a JSON string is a valid YAML double-quoted scalar).
 * @param {string} value
 */
export function yamlString(value) {
  const plain = /^\p{L}[\p{L}\p{N} .,'&()!-]*$/u.test(value) && !/\s$/.test(value) && !/^(y|n|yes|no|on|off|true|false|null)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/**
 * astro.config.mjs with `site` replaced and `base` added after it.
 * @param {string} text
 * @param {{ site: string | undefined, base: string | undefined }} values
 */
export function withSiteAndBase(text, { site, base }) {
  const line = /^([ \t]*)site: (['"]).*\2,[ \t]*$/m;
  const match = line.exec(text);
  if (!match) throw templateChanged('astro.config.mjs', "site: '…',");
  const indent = match[1];
  const siteLine = site ? `${indent}site: ${jsString(site)},` : match[0];
  const baseLine = base && base !== '/' ? `\n${indent}base: ${jsString(base)},` : '';
  return text.replace(line, () => siteLine + baseLine);
}

/** @param {string} value */
const jsString = (value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * @param {string} file
 * @param {string} expected
 */
export function templateChanged(file, expected) {
  return new CreateError(
    `The starter's ${file} has no line "${expected}" to personalise, so this version of create-openoutreach does not fit it.\n  Fix: run \`npm create openoutreach@latest\` to use the newest version, and report the problem if it stays.`,
  );
}
