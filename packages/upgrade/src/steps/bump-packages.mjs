// @ts-check
import { kitDependencies } from './check-site.mjs';

/**
 * Sets every `@openoutreach` package in package.json to the new version, keeping the kind of
 * range the site uses (^, ~ or an exact version) and the file's indentation.
 * @param {Pick<import('../context.mjs').Context, 'site' | 'versions' | 'log'>} ctx
 */
export function bumpPackages({ site, versions, log }) {
  const text = site.read('package.json');
  const manifest = JSON.parse(text);
  /** @type {string[]} */
  const bumped = [];
  for (const { field, name, range } of kitDependencies(site)) {
    const prefix = /^([\^~]?)\d/.exec(range)?.[1];
    if (prefix === undefined) {
      log(`  ${name} stays at "${range}": the upgrade changes only version numbers.`);
      continue;
    }
    manifest[field][name] = `${prefix}${versions.to}`;
    bumped.push(name);
  }
  const indent = /^[ \t]+/m.exec(text)?.[0] ?? '  ';
  site.write('package.json', JSON.stringify(manifest, null, indent) + (text.endsWith('\n') ? '\n' : ''));
  log(`1. package.json: ${bumped.join(', ')} → ${versions.to}`);
}
