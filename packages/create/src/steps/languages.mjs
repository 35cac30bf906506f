// @ts-check
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes the new site multilingual when `--languages` names more than one: the settings list the
 * languages, the starter's content moves into the main language's folders
 * (`src/content/news/en/`), one level deeper, so its relative image paths gain a `../`, and each
 * other language gets a copy of the home page to translate.
 * @param {Pick<import('../context.mjs').Context, 'projectDir' | 'languages' | 'dryRun' | 'log'>} ctx
 */
export function setUpLanguages({ projectDir, languages, dryRun, log }) {
  const [main, ...others] = languages;
  if (!main) return;
  const content = join(projectDir, 'src/content');
  const folders = existsSync(content)
    ? readdirSync(content, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
    : [];
  const settingsChange = `src/settings/site.yaml: defaultLocale ${main}${others.length ? `, locales ${languages.join(', ')}` : ''}`;
  if (!others.length) {
    if (main === 'en') return;
    if (dryRun) return log(`Would set ${settingsChange}.`);
    editSettings(projectDir, languages);
    return log(`Set ${settingsChange}.`);
  }
  const changes = [
    settingsChange,
    `src/content/*/: the starter's content moved into ${main}/`,
    ...others.map((language) => `src/content/pages/${language}/home.md: the home page, to translate`),
  ];
  if (dryRun) return log(`Would set ${changes.join('; ')}.`);
  editSettings(projectDir, languages);
  for (const folder of folders) {
    const files = readdirSync(join(content, folder)).filter((name) => name.endsWith('.md'));
    mkdirSync(join(content, folder, main), { recursive: true });
    for (const name of files) {
      renameSync(join(content, folder, name), join(content, folder, main, name));
      const moved = join(content, folder, main, name);
      writeFileSync(moved, oneFolderDeeper(readFileSync(moved, 'utf8')));
    }
  }
  const home = join(content, 'pages', main, 'home.md');
  for (const language of others) {
    mkdirSync(join(content, 'pages', language), { recursive: true });
    if (existsSync(home)) writeFileSync(join(content, 'pages', language, 'home.md'), readFileSync(home, 'utf8'));
  }
  log(`Set ${changes.join('; ')}.`);
}

/**
 * A Markdown file's paths to the site's assets, from a folder one level deeper.
 * @param {string} text
 */
export function oneFolderDeeper(text) {
  return text.replace(/(^|[\s("'])((?:\.\.\/)+)assets\//gm, (_match, before, ups) => `${before}../${ups}assets/`);
}

/**
 * The settings with the main language and the list of languages.
 * @param {string} text site.yaml
 * @param {string[]} languages the main one first
 */
export function withLanguages(text, [main, ...others]) {
  const lines = [`defaultLocale: ${main}`, ...(others.length ? ['locales:', ...[main, ...others].map((language) => `  - ${language}`)] : [])].join('\n');
  return /^defaultLocale:.*$/m.test(text) ? text.replace(/^defaultLocale:.*$/m, lines) : `${text.trimEnd()}\n${lines}\n`;
}

/**
 * @param {string} projectDir
 * @param {string[]} languages
 */
function editSettings(projectDir, languages) {
  const path = join(projectDir, 'src/settings/site.yaml');
  writeFileSync(path, withLanguages(readFileSync(path, 'utf8'), languages));
}
