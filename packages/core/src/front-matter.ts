import { parse, YAMLParseError } from 'yaml';
import type { Problem } from './problems.ts';

// The YAML group is optional so that an empty block ("---" twice) counts as front matter.
const FENCE = /^---\r?\n(?:([\s\S]*?)\r?\n)?---\r?\n?([\s\S]*)$/;

export type FrontMatterResult = { ok: true; data: Record<string, unknown>; body: string } | { ok: false; problem: Problem };

/**
 * Splits a Markdown file into its YAML front matter and body. YAML is read with the 1.2 core
 * schema, so dates stay text and are checked strictly by the content schemas.
 */
export function parseFrontMatter(text: string, file: string): FrontMatterResult {
  const match = FENCE.exec(text.replace(/^\uFEFF/, ''));
  if (!match) {
    return {
      ok: false,
      problem: {
        file,
        field: '',
        message: 'the file does not start with front matter',
        fix: 'begin the file with a line "---", the fields (e.g. "title: …"), then another "---".',
      },
    };
  }
  // The YAML starts on the line after the opening "---", so its line 1 is line 2 of the file.
  return parseYamlData(match[1] ?? '', file, match[2] ?? '', 1);
}

/**
 * Parses a YAML document that must hold a mapping of fields (front matter or a settings file).
 * `lineOffset` is the number of lines of the file above the YAML, so that an error names the
 * line of the file: 0 for a settings file, 1 for front matter.
 */
export function parseYamlData(yaml: string, file: string, body = '', lineOffset = 0): FrontMatterResult {
  try {
    const data: unknown = parse(yaml, { prettyErrors: true, uniqueKeys: true }) ?? {};
    if (typeof data !== 'object' || Array.isArray(data) || data === null) {
      return {
        ok: false,
        problem: {
          file,
          field: '',
          message: 'the fields must be written as "name: value" lines',
          fix: 'write one field per line, e.g. "title: Our spring fair".',
        },
      };
    }
    return { ok: true, data: data as Record<string, unknown>, body };
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const yamlLine = error.linePos?.[0]?.line;
    const line = yamlLine === undefined ? undefined : yamlLine + lineOffset;
    const firstLine = error.message.split('\n')[0] ?? error.message;
    return {
      ok: false,
      problem: {
        file,
        field: '',
        message: `the YAML ${line ? `at line ${line} ` : ''}cannot be read: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`,
        fix: 'check that line: put quotes around a value that contains a colon (:) or starts with a special character, and indent nested fields with spaces.',
      },
    };
  }
}
