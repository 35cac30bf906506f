// @ts-check
import { isMap, isNode, isPair, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import { UpgradeError } from './upgrade-error.mjs';

/** @typedef {(string | number)[]} Path a field's place: `['announcement', 'linkLabel']`, `['social', 0, 'url']` */

/**
 * Edits a YAML text (a settings file, a content file's front matter) the way a person would:
 * only the lines of the fields a migration touches change, so comments, quotes, folded text
 * and blank lines stay as they were. Each edit returns whether it changed anything, and doing
 * an edit that is already done changes nothing: a migration built from them can run twice.
 */
export class YamlEditor {
  /**
   * @param {string} text
   * @param {string} file where the text comes from, for error messages
   */
  constructor(text, file) {
    this.file = file;
    this.text = text;
    this.#parse();
  }

  /** The value at `path` as plain data (objects, arrays, strings, numbers), or undefined. @param {Path} path */
  get(path) {
    const node = this.#document.getIn(path, true);
    return isNode(node) ? node.toJS(this.#document) : node;
  }

  /** Whether the field at `path` is written (even if empty). @param {Path} path */
  has(path) {
    return this.#pair(path) !== undefined || (isSeq(this.#document.getIn(path.slice(0, -1), true)) && this.#document.hasIn(path));
  }

  /**
   * Renames the field at `path` to `newKey`, keeping its value, its place and its comments.
   * Nothing happens when the field is not there. When both names are written, the file is left
   * as it is and an error asks the person to keep one.
   * @param {Path} path
   * @param {string} newKey
   */
  rename(path, newKey) {
    const found = this.#pair(path);
    if (!found) return false;
    if (found.map.items.some((pair) => keyOf(pair) === newKey)) {
      const where = [...path.slice(0, -1), newKey].join('.');
      throw new UpgradeError(`${this.file} has both ${path.join('.')} and ${where}.\n  Fix: keep only ${where} (the new name), then run the upgrade again.`);
    }
    const range = found.pair.key.range;
    this.#splice(range[0], range[1], keyText(newKey));
    return true;
  }

  /**
   * Sets the field at `path` to `value`. A text, number or true/false replaces the old value on
   * its line; a new field is added at the end of its group, with the indentation of its
   * neighbours (and its group, if missing, is added too).
   * @param {Path} path
   * @param {unknown} value
   * @returns {boolean}
   */
  set(path, value) {
    if (this.has(path) && isDeepEqual(this.get(path), value)) return false;
    const found = this.#pair(path);
    const key = path.at(-1);
    if (found && isScalar(found.pair.value) && isInline(value) && found.pair.value.range) {
      const [start, end] = found.pair.value.range;
      return this.#splice(start, end, inlineText(value));
    }
    const parentPath = path.slice(0, -1);
    const parent = parentPath.length ? this.#document.getIn(parentPath, true) : this.#document.contents;
    if (!found && typeof key === 'string' && isMap(parent) && !parent.flow && parent.items.length) {
      const first = parent.items[0];
      const last = parent.items.at(-1);
      const start = /** @type {{ range: [number, number, number] }} */ (first?.key).range[0];
      const indent = start - this.text.lastIndexOf('\n', start - 1) - 1;
      const at = this.#endOf(/** @type {import('yaml').Pair} */ (last));
      const before = at > 0 && this.text[at - 1] !== '\n' ? '\n' : '';
      return this.#splice(at, at, `${before}${pairText(key, value, indent)}`);
    }
    if (!found && typeof key === 'string' && parentPath.length && !this.has(parentPath) && !isSeq(parent)) {
      return this.set(parentPath, { [key]: value });
    }
    return this.document((document) => document.setIn(path, value));
  }

  /**
   * Removes the field at `path` with its value. Nothing happens when it is not there.
   * @param {Path} path
   */
  delete(path) {
    const found = this.#pair(path);
    if (!found) {
      return this.has(path) ? this.document((document) => document.deleteIn(path)) : false;
    }
    const keyStart = found.pair.key.range[0];
    const lineStart = this.text.lastIndexOf('\n', keyStart - 1) + 1;
    if (found.map.flow || this.text.slice(lineStart, keyStart).trim() !== '') {
      return this.document((document) => document.deleteIn(path));
    }
    return this.#splice(lineStart, this.#endOf(found.pair), '');
  }

  /**
   * The way out for edits the methods above don't make: `edit` changes the yaml package's
   * Document (https://eemeli.org/yaml/#documents), and the whole text is written anew. Comments
   * are kept, but long lines may be wrapped differently.
   * @param {(document: import('yaml').Document) => void} edit
   */
  document(edit) {
    const document = parseDocument(this.text);
    edit(document);
    const text = document.toString();
    if (text === this.text) return false;
    this.text = text;
    this.#parse();
    return true;
  }

  /**
   * Where the lines of a pair end: after its value, or its key's line when it has none.
   * @param {import('yaml').Pair} pair
   */
  #endOf(pair) {
    const node = /** @type {{ range?: number[] } | null} */ (pair.value?.range ? pair.value : pair.key);
    const end = node?.range?.[2] ?? this.text.length;
    if (end === 0 || this.text[end - 1] === '\n') return end;
    const newline = this.text.indexOf('\n', end);
    return newline === -1 ? this.text.length : newline + 1;
  }

  /** @type {import('yaml').Document} */
  #document = parseDocument('');

  #parse() {
    const document = parseDocument(this.text, { uniqueKeys: false });
    const error = document.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line;
      throw new UpgradeError(
        `${this.file} cannot be read as YAML${line ? ` (line ${line})` : ''}: ${error.message.split('\n')[0]}\n  Fix: correct the file, commit it, then run the upgrade again.`,
      );
    }
    this.#document = document;
  }

  /**
   * @param {number} start
   * @param {number} end
   * @param {string} replacement
   */
  #splice(start, end, replacement) {
    const text = this.text.slice(0, start) + replacement + this.text.slice(end);
    if (text === this.text) return false;
    this.text = text;
    this.#parse();
    return true;
  }

  /**
   * The key-value pair at `path` and the map holding it.
   * @param {Path} path
   * @returns {{ map: import('yaml').YAMLMap, pair: import('yaml').Pair<{ range: [number, number, number] }, unknown> } | undefined}
   */
  #pair(path) {
    const parent = path.length > 1 ? this.#document.getIn(path.slice(0, -1), true) : this.#document.contents;
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find((item) => isPair(item) && keyOf(item) === path.at(-1));
    return pair && isScalar(pair.key) && pair.key.range ? { map: parent, pair: /** @type {any} */ (pair) } : undefined;
  }
}

/** @param {import('yaml').Pair} pair */
const keyOf = (pair) => (isScalar(pair.key) ? pair.key.value : pair.key);

/** @param {string} key */
const keyText = (key) => (/^[A-Za-z_][\w-]*$/.test(key) ? key : JSON.stringify(key));

/** @param {unknown} value */
const isInline = (value) => value === null || ['number', 'boolean'].includes(typeof value) || (typeof value === 'string' && !value.includes('\n'));

/** @param {unknown} value */
const inlineText = (value) => stringify(value, { lineWidth: 0 }).trimEnd();

/**
 * `key: value` as lines indented by `indent` spaces.
 * @param {string} key
 * @param {unknown} value
 * @param {number} indent
 */
function pairText(key, value, indent) {
  const text = stringify({ [key]: value }, { lineWidth: 0 });
  return text
    .trimEnd()
    .split('\n')
    .map((line) => ' '.repeat(indent) + line)
    .join('\n')
    .concat('\n');
}

/**
 * @param {unknown} a
 * @param {unknown} b
 */
const isDeepEqual = (a, b) => JSON.stringify(a) === JSON.stringify(b);
