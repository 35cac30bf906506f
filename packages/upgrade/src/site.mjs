// @ts-check
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { UpgradeError } from './upgrade-error.mjs';
import { YamlEditor } from './yaml-editor.mjs';

/** Where the kit keeps a site's settings unless its astro.config names another file. */
export const DEFAULT_SETTINGS = 'src/settings/site.yaml';
const CONTENT = 'src/content';
const CONFIG_FILES = ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts'];
const CONTENT_EXTENSIONS = /\.(md|mdx|markdown)$/;

/**
 * A content file of the site.
 * @typedef {object} ContentFile
 * @property {string} path relative to the site, with `/`: `src/content/news/en/spring-fair.md`
 * @property {string} collection its folder under src/content: `news`
 */

/**
 * The site as a migration sees it. Paths are relative to the site's folder, with `/`. Every
 * edit writes only when the text changes, and says whether it did; in a dry run nothing is
 * written, and the changes are kept to be shown.
 * @typedef {ReturnType<typeof createSite>} Site
 */

/**
 * @param {string} root the site's folder
 * @param {{ dryRun: boolean }} options
 */
export function createSite(root, { dryRun }) {
  /** @type {Map<string, { before: string | undefined, after: string }>} the files changed so far */
  const changes = new Map();

  /** @param {string} path */
  const exists = (path) => changes.has(path) || existsSync(join(root, path));

  /** @param {string} path */
  const read = (path) => {
    const changed = changes.get(path);
    if (changed) return changed.after;
    try {
      return readFileSync(join(root, path), 'utf8');
    } catch {
      throw new UpgradeError(`${path} is missing.\n  Fix: restore it from git (git checkout -- ${path}), then run the upgrade again.`);
    }
  };

  /**
   * @param {string} path
   * @param {string} text
   */
  const write = (path, text) => {
    const before = exists(path) ? read(path) : undefined;
    if (before === text) return false;
    const original = changes.has(path) ? changes.get(path)?.before : before;
    changes.set(path, { before: original, after: text });
    if (!dryRun) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return true;
  };

  /**
   * @param {string} path
   * @param {(yaml: YamlEditor) => void} edit
   */
  const editYaml = (path, edit) => {
    const yaml = new YamlEditor(read(path), path);
    edit(yaml);
    return write(path, yaml.text);
  };

  const configFile = () => {
    const found = CONFIG_FILES.find(exists);
    if (!found) throw new UpgradeError(`The site has no astro.config.mjs.\n  Fix: run the upgrade in the site's folder (the one with astro.config.mjs).`);
    return found;
  };

  const settingsFile = () => {
    const config = CONFIG_FILES.find(exists);
    const named = config && /\bsettings\s*:\s*['"]([^'"]+)['"]/.exec(read(config))?.[1];
    return named?.replace(/^\.\//, '') ?? DEFAULT_SETTINGS;
  };

  return {
    /** The site's folder, absolute. */
    root,
    /** Whether the site has the file `path`. */
    exists,
    /** The text of the file `path` (with the edits made so far). */
    read,
    /** Writes `text` to the file `path`; false when it already holds it. */
    write,
    /** Edits a YAML file through a {@link YamlEditor}; false when nothing changed. */
    editYaml,
    /**
     * Edits the site settings (src/settings/site.yaml, or the file astro.config names).
     * @param {(settings: YamlEditor) => void} edit
     */
    editSettings: (edit) => editYaml(settingsFile(), edit),
    /**
     * The content files (Markdown) under src/content, or under src/content/<collection>.
     * @param {string} [collection] e.g. `news`
     * @returns {ContentFile[]}
     */
    contentFiles(collection) {
      const folder = collection ? `${CONTENT}/${collection}` : CONTENT;
      if (!existsSync(join(root, folder))) return [];
      return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
        .filter((name) => CONTENT_EXTENSIONS.test(name))
        .map((name) =>
          relative(root, join(root, folder, name))
            .split(sep)
            .join('/'),
        )
        .sort()
        .map((path) => ({ path, collection: /** @type {string} */ (path.split('/')[2]) }));
    },
    /**
     * Edits the front matter of a content file; the body stays as it is. A file without front
     * matter is left alone (false).
     * @param {string} path
     * @param {(frontMatter: YamlEditor, body: string) => void} edit
     */
    editFrontMatter(path, edit) {
      const match = FRONT_MATTER.exec(read(path));
      if (!match) return false;
      const [, open = '', yaml = '', rest = ''] = match;
      const editor = new YamlEditor(yaml, path);
      edit(editor, rest.replace(/^---\r?\n?/, ''));
      return write(path, open + editor.text + rest);
    },
    /**
     * Edits the text of astro.config.mjs (or .ts): `edit` returns the new text.
     * @param {(text: string) => string} edit
     */
    editConfig(edit) {
      const path = configFile();
      return write(path, edit(read(path)));
    },
    /** The files changed so far, with their text before (undefined for a new file) and after. */
    changes,
  };
}

// The opening fence, the YAML (with its last newline) and the closing fence with the body.
const FRONT_MATTER = /^(\uFEFF?---\r?\n)([\s\S]*?\r?\n)?(---(?:\r?\n[\s\S]*)?)$/;
