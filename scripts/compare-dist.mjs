// Compares two built sites page by page and lists every difference, so a refactoring can show it
// changed no page.
//
//   node scripts/compare-dist.mjs <before-dist> <after-dist>
//   node scripts/compare-dist.mjs --baseline /tmp/oo/baseline [--root .]
//
// In --baseline mode each folder of the baseline is named after a built folder's path in the
// repository with "/" written as "_" (starter_dist is starter/dist, sites_opentech-coop_dist-subpath
// is sites/opentech-coop/dist-subpath) and is compared with that folder.
//
// What counts as the same:
// - HTML: equal after normalising (attributes sorted, whitespace-only text between tags dropped,
//   other whitespace runs collapsed; <pre>, <textarea>, <script> and <style> kept as they are).
// - Hashed files (anything under _astro/ or pagefind/): Vite and Pagefind name them after their
//   content, so a file is known by its content hash, not its name; every text file's references to
//   them are rewritten to that content name before comparing, so a renamed but equal asset is equal.
// - Other text files: equal as text after that rewriting (an iCalendar file's DTSTAMP, the time it
//   was built, left out); binary files: equal bytes.
// Exits 1 with a list (file, first differing snippet) if anything differs, 2 on bad arguments.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// '' is a file without extension, such as _headers.
const TEXT_EXTENSIONS = new Set(['', ...'.html .htm .xml .css .js .mjs .json .txt .ics .svg .yml .yaml .webmanifest .md .conf .map'.split(' ')]);
const HASHED_FOLDERS = ['_astro', 'pagefind'];
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'pre', 'textarea']);
const SHOWN_PER_SITE = 25;

/** Every file under `dir`, as a "/"-separated path relative to it, sorted. */
export function listFiles(dir) {
  const files = [];
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

const isHashed = (file) => file.split('/').some((part) => HASHED_FOLDERS.includes(part));
const isText = (file) => TEXT_EXTENSIONS.has(extname(file).toLowerCase());
const sha = (data) => createHash('sha256').update(data).digest('hex').slice(0, 12);
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads a built site: its files keyed by a comparable name (hashed files by content, see the top
 * comment) with their text (references to hashed files rewritten) or bytes.
 * @returns {Map<string, {file: string, text?: string, bytes?: Buffer}>}
 */
export function readSite(dir) {
  const files = listFiles(dir);
  const hashed = files.filter(isHashed);
  const byBasename = new Map(hashed.map((file) => [basename(file), file]));
  // Longest first, so a name that is the tail of a longer one does not match inside it.
  const names = [...byBasename.keys()].sort((a, b) => b.length - a.length);
  const pattern = names.length ? new RegExp(names.map(escapeRegExp).join('|'), 'g') : null;

  const contentName = new Map();
  const pending = new Set();
  const rewrite = (text) => (pattern ? text.replace(pattern, (name) => basename(nameOf(byBasename.get(name)))) : text);
  // A hashed file's comparable name: its folder, its name up to the first dot, and the hash of its
  // content with its own references rewritten (so a chunk that imports a renamed but equal chunk
  // keeps its name).
  function nameOf(file) {
    if (contentName.has(file)) return contentName.get(file);
    const stem = basename(file).split('.')[0];
    const placeholder = `${dirname(file)}/${stem}~cycle${extname(file)}`;
    if (pending.has(file)) return placeholder;
    pending.add(file);
    const bytes = readFileSync(join(dir, file));
    const hash = isText(file) ? sha(rewrite(bytes.toString('utf8'))) : sha(bytes);
    pending.delete(file);
    const name = `${dirname(file)}/${stem}~${hash}${extname(file)}`;
    contentName.set(file, name);
    return name;
  }

  const site = new Map();
  for (const file of files) {
    const key = isHashed(file) ? nameOf(file) : file;
    const bytes = readFileSync(join(dir, file));
    if (!isText(file)) {
      site.set(key, { file, bytes });
      continue;
    }
    const text = rewrite(bytes.toString('utf8'));
    site.set(key, { file, text: normaliseText(file, text) });
  }
  return site;
}

function normaliseText(file, text) {
  if (/\.html?$/i.test(file)) return normaliseHtml(text);
  if (/\.ics$/i.test(file)) return text.replace(/^DTSTAMP:\d{8}T\d{6}Z?$/gm, 'DTSTAMP:(build time)');
  return text;
}

/**
 * HTML as one token a line: tags with sorted attributes, text with whitespace collapsed,
 * whitespace-only text between tags left out; raw-text elements kept verbatim.
 */
export function normaliseHtml(html) {
  const out = [];
  const token = /<!--[\s\S]*?-->|<![^>]*>|<\/?([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;
  let match;
  while ((match = token.exec(html))) {
    const [whole, name, rest] = match;
    if (!name) {
      const text = whole.startsWith('<') ? whole : whole.replace(/\s+/g, ' ').trim();
      if (text) out.push(text);
      continue;
    }
    const tag = name.toLowerCase();
    if (whole.startsWith('</')) {
      out.push(`</${tag}>`);
      continue;
    }
    out.push(`<${tag}${normaliseAttributes(rest)}>`);
    if (RAW_TEXT_ELEMENTS.has(tag)) {
      const end = html.toLowerCase().indexOf(`</${tag}`, token.lastIndex);
      const stop = end === -1 ? html.length : end;
      if (stop > token.lastIndex) out.push(html.slice(token.lastIndex, stop));
      token.lastIndex = stop;
    }
  }
  return out.join('\n');
}

function normaliseAttributes(source) {
  const attributes = [];
  const attribute = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  let match;
  while ((match = attribute.exec(source))) {
    const [, name, double, single, bare] = match;
    const value = double ?? single ?? bare;
    attributes.push(value === undefined ? name.toLowerCase() : `${name.toLowerCase()}="${value.replaceAll('"', '&quot;')}"`);
  }
  return attributes
    .sort()
    .map((a) => ` ${a}`)
    .join('');
}

/** The first place two texts differ, a few lines (HTML) or characters (other text) either side. */
export function firstDifference(before, after, html) {
  if (html) {
    const a = before.split('\n');
    const b = after.split('\n');
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    // A differing line may be long (inline JSON, CSS): show it from a little before where it differs.
    let at = 0;
    while (at < (a[i] ?? '').length && a[i][at] === b[i]?.[at]) at++;
    const from = Math.max(0, at - 80);
    const show = (lines) =>
      lines
        .slice(Math.max(0, i - 2), i + 3)
        .map((line, n) => `      ${clip(n === Math.min(2, i) && from ? `…${line.slice(from)}` : line)}`)
        .join('\n');
    return `    before:\n${show(a)}\n    after:\n${show(b)}`;
  }
  let i = 0;
  while (i < before.length && i < after.length && before[i] === after[i]) i++;
  const show = (text) => JSON.stringify(text.slice(Math.max(0, i - 60), i + 60));
  return `    at character ${i}\n    before: ${show(before)}\n    after:  ${show(after)}`;
}

const clip = (line) => (line.length > 200 ? `${line.slice(0, 200)}…` : line);

/**
 * Compares two built sites.
 * @returns {{added: string[], removed: string[], changed: {file: string, snippet: string}[], compared: number}}
 */
export function compareSites(beforeDir, afterDir) {
  const before = readSite(beforeDir);
  const after = readSite(afterDir);
  const removed = [...before.keys()].filter((key) => !after.has(key));
  const added = [...after.keys()].filter((key) => !before.has(key));
  const pairs = [...before.keys()].filter((key) => after.has(key)).map((key) => [key, key]);
  // A hashed file whose content changed shows as one removed and one added name; pair them when the
  // pairing is unambiguous, and read the new name as the old one everywhere, so the list says what
  // changed inside it instead of listing every page that links it.
  const stemOf = (key) => `${dirname(key)}/${basename(key).split('~')[0]}${extname(key)}`;
  const aliases = [];
  for (const key of removed.filter(isHashed)) {
    const twins = added.filter((k) => stemOf(k) === stemOf(key));
    if (twins.length !== 1 || removed.filter((k) => stemOf(k) === stemOf(key)).length !== 1) continue;
    removed.splice(removed.indexOf(key), 1);
    added.splice(added.indexOf(twins[0]), 1);
    pairs.push([key, twins[0]]);
    aliases.push([basename(twins[0]), basename(key)]);
  }
  const unalias = (entry) =>
    entry.text === undefined ? entry : { ...entry, text: aliases.reduce((text, [from, to]) => text.replaceAll(from, to), entry.text) };
  const changed = [];
  for (const [keyA, keyB] of pairs) {
    const a = before.get(keyA);
    const b = unalias(after.get(keyB));
    const snippet = difference(a, b);
    if (snippet) changed.push({ file: a.file === b.file ? a.file : `${a.file} → ${b.file}`, snippet });
  }
  return {
    added: added.map((key) => after.get(key).file),
    removed: removed.map((key) => before.get(key).file),
    changed: changed.sort((x, y) => x.file.localeCompare(y.file)),
    compared: pairs.length,
  };
}

/** Where two versions of a file differ, or '' if they do not. */
function difference(a, b) {
  if (a.text !== undefined && b.text !== undefined) {
    return a.text === b.text ? '' : firstDifference(a.text, b.text, /\.html?$/i.test(a.file) && /\.html?$/i.test(b.file));
  }
  if (a.bytes && b.bytes && a.bytes.equals(b.bytes)) return '';
  return `    bytes differ (${size(a)} before, ${size(b)} after)`;
}

const size = (entry) => (entry.bytes ?? Buffer.from(entry.text ?? '')).length;

/** The report of one comparison, and whether the two were the same. */
export function describe(label, result) {
  const { added, removed, changed, compared } = result;
  const count = added.length + removed.length + changed.length;
  if (count === 0) return { same: true, text: `✓ ${label}: ${compared} files the same` };
  const lines = [`✗ ${label}: ${count} difference${count === 1 ? '' : 's'} (${compared} files in both)`];
  const items = [
    ...removed.map((file) => `  only before: ${file}`),
    ...added.map((file) => `  only after:  ${file}`),
    ...changed.map(({ file, snippet }) => `  differs:     ${file}\n${snippet}`),
  ];
  lines.push(...items.slice(0, SHOWN_PER_SITE));
  if (items.length > SHOWN_PER_SITE) lines.push(`  … and ${items.length - SHOWN_PER_SITE} more`);
  return { same: false, text: lines.join('\n') };
}

/**
 * The repository folder a baseline folder stands for: its name with each "_" read as either "/" or
 * "_", choosing the reading whose folders exist.
 */
export function baselinePath(name, root) {
  const parts = name.split('_');
  const found = [];
  const walk = (index, path) => {
    if (index === parts.length) return found.push(path);
    // Read "_" as "/" only where the folder so far exists; the last folder may be missing (not built).
    if (existsSync(join(root, path)) && statSync(join(root, path)).isDirectory()) walk(index + 1, `${path}/${parts[index]}`);
    walk(index + 1, `${path}_${parts[index]}`);
  };
  walk(1, parts[0]);
  return found.find((path) => existsSync(join(root, path))) ?? found[0];
}

function main(args) {
  const usage =
    'Usage: node scripts/compare-dist.mjs <before-dist> <after-dist>\n       node scripts/compare-dist.mjs --baseline <folder> [--root <repository>]';
  const pairs = [];
  if (args[0] === '--baseline') {
    const baseline = args[1];
    const rootIndex = args.indexOf('--root');
    const root = resolve(rootIndex === -1 ? join(dirname(fileURLToPath(import.meta.url)), '..') : args[rootIndex + 1]);
    if (!baseline || !existsSync(baseline)) return fail(`No baseline folder "${baseline ?? ''}".\n${usage}`);
    for (const name of readdirSync(baseline).sort()) {
      if (!statSync(join(baseline, name)).isDirectory()) continue;
      const path = baselinePath(name, root);
      pairs.push({ label: path, before: join(baseline, name), after: join(root, path) });
    }
  } else if (args.length === 2) {
    pairs.push({ label: `${args[0]} → ${args[1]}`, before: args[0], after: args[1] });
  } else {
    return fail(usage);
  }
  let same = true;
  for (const { label, before, after } of pairs) {
    for (const dir of [before, after]) {
      if (!existsSync(dir)) {
        console.log(`✗ ${label}: no folder ${dir} (build it first)`);
        same = false;
      }
    }
    if (!existsSync(before) || !existsSync(after)) continue;
    const report = describe(label, compareSites(before, after));
    console.log(report.text);
    same &&= report.same;
  }
  process.exitCode = same ? 0 : 1;
}

function fail(message) {
  console.error(message);
  process.exitCode = 2;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
