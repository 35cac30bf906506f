import { parse, YAMLParseError } from 'yaml';
import type { Problem } from './problems.ts';

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export type FrontMatterResult =
  | { ok: true; data: Record<string, unknown>; body: string }
  | { ok: false; problem: Problem };

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
  return parseYamlData(match[1] ?? '', file, match[2] ?? '');
}

/** Parses a YAML document that must hold a mapping of fields (front matter or a settings file). */
export function parseYamlData(yaml: string, file: string, body = ''): FrontMatterResult {
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
    const line = error.linePos?.[0]?.line;
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
