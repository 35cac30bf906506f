// The import specifiers of one source file: .ts/.mjs/.js parsed with oxc, .astro by its frontmatter
// and its bundled <script> tags (an is:inline script is not bundled, so its imports do not count).
import { parseSync } from 'oxc-parser';

/**
 * @typedef {{ specifier: string, typeOnly: boolean, line: number }} Import
 * A specifier is type-only when the statement imports or re-exports nothing but types
 * (`import type`, or every name marked `type`): it is erased from the built code.
 */

/**
 * @param {string} file the file's name (its extension picks the parser)
 * @param {string} code its text
 * @returns {{ imports: Import[], errors: string[] }}
 */
export function findImports(file, code) {
  if (!file.endsWith('.astro')) return parseScript(file, code, 0);
  const result = { imports: [], errors: [] };
  for (const { code: part, offset } of astroScripts(code)) {
    const found = parseScript(`${file}.ts`, part, lineAt(code, offset) - 1);
    result.imports.push(...found.imports);
    result.errors.push(...found.errors);
  }
  return result;
}

/** The frontmatter and the bundled <script> contents of an .astro file, with where each starts. */
export function astroScripts(code) {
  const parts = [];
  const frontmatter = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(code);
  if (frontmatter) parts.push({ code: frontmatter[1], offset: frontmatter.index + frontmatter[0].indexOf(frontmatter[1]) });
  const script = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
  let match;
  script.lastIndex = frontmatter ? frontmatter.index + frontmatter[0].length : 0;
  while ((match = script.exec(code))) {
    const [, attributes, body] = match;
    if (/\bis:inline\b|\bsrc=|type=["']?(application\/(ld\+)?json|text\/partytown)/.test(attributes)) continue;
    parts.push({ code: body, offset: match.index + match[0].indexOf('>') + 1 });
  }
  return parts;
}

function parseScript(file, code, firstLine) {
  const { module, errors } = parseSync(file, code, { lang: file.endsWith('.mjs') || file.endsWith('.js') ? 'js' : 'ts' });
  const line = (offset) => firstLine + lineAt(code, offset);
  const imports = [];
  for (const statement of module.staticImports) {
    // `import './x'` has no entries: it runs the module, so it is not type-only.
    const typeOnly = statement.entries.length > 0 && statement.entries.every((entry) => entry.isType);
    imports.push({ specifier: statement.moduleRequest.value, typeOnly, line: line(statement.start) });
  }
  for (const statement of module.staticExports) {
    const from = statement.entries.filter((entry) => entry.moduleRequest);
    if (!from.length) continue;
    imports.push({ specifier: from[0].moduleRequest.value, typeOnly: from.every((entry) => entry.isType), line: line(statement.start) });
  }
  for (const dynamic of module.dynamicImports) {
    const literal = /^\s*(['"`])([^'"`$]*)\1\s*$/.exec(code.slice(dynamic.moduleRequest.start, dynamic.moduleRequest.end));
    if (literal) imports.push({ specifier: literal[2], typeOnly: false, line: line(dynamic.start) });
  }
  return { imports, errors: errors.map((error) => `${file.replace(/\.astro\.ts$/, '.astro')}: ${error.message}`) };
}

const lineAt = (code, offset) => code.slice(0, offset).split('\n').length;
