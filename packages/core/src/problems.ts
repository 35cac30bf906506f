import { stringify } from 'yaml';
import type { z } from 'zod';
import { objectKeys, schemaAt } from './schema-walk.ts';

/** One thing wrong with a file, said so that a person can fix it. */
export interface Problem {
  /** The file, relative to the site's root, e.g. `src/content/news/fair.md`. */
  file: string;
  /** The field, as a dotted path, e.g. `cover.alt`; empty for the file as a whole. */
  field: string;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix: string;
}

/** A build-stopping error that carries readable problems instead of a stack trace. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index ? '.' : ''}${String(key)}`)).join('');
}

function exampleLine(key: string, example: unknown): string {
  return stringify({ [key]: example }, { lineWidth: 0 })
    .trim()
    .replace(/\n/g, ' ⏎ ');
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known key closest to a mistyped one, if any is close. */
export function closestKey(typed: string, known: string[]): string | undefined {
  const ranked = known.map((key) => ({ key, score: distance(typed.toLowerCase(), key.toLowerCase()) })).sort((a, b) => a.score - b.score);
  const best = ranked[0];
  return best && best.score <= Math.max(2, Math.floor(typed.length / 3)) ? best.key : undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function issueProblems(issue: z.core.$ZodIssue, schema: z.core.$ZodType, file: string, where: string, input: unknown): Problem[] {
  const field = fieldPath(issue.path);
  const key = String(issue.path.at(-1) ?? '');
  const found = schemaAt(schema, issue.path, input);
  const label = found?.doc?.title ? ` (${found.doc.title})` : '';
  const example = found?.doc?.examples?.[0];
  const hint = found?.doc?.description ? ` ${found.doc.description}` : '';

  if (issue.code === 'unrecognized_keys') {
    const known = objectKeys(schemaAt(schema, issue.path, input)?.schema ?? schema);
    return issue.keys.map((unknownKey) => {
      const suggestion = closestKey(unknownKey, known);
      return {
        file,
        field: fieldPath([...issue.path, unknownKey]),
        message: `"${unknownKey}" is not a field of this ${where}`,
        fix: suggestion ? `did you mean "${suggestion}"? Rename it, or remove the line.` : `remove it; the fields allowed here are: ${known.join(', ')}.`,
      };
    });
  }
  // A discriminated union (a home page block) whose `type` is missing or not one of its kinds.
  const discriminated = issue as { code: string; discriminator?: string; options?: unknown[] };
  if (discriminated.code === 'invalid_union' && discriminated.discriminator && Array.isArray(discriminated.options)) {
    const choices = discriminated.options.map(String);
    const given = valueAt(input, issue.path);
    const suggestion = typeof given === 'string' ? closestKey(given, choices) : undefined;
    return [
      {
        file,
        field,
        message: given === undefined ? `the required field "${field}" is missing` : `"${field}" is ${describe(given)}, which is not one of the choices`,
        fix: `${suggestion ? `did you mean "${suggestion}"? ` : ''}Write one of: ${choices.join(', ')}.`,
      },
    ];
  }
  if (issue.code === 'invalid_union' && issue.errors.length) {
    const deepest = issue.errors.flat().find((inner) => inner.code !== 'invalid_type');
    if (deepest) return issueProblems({ ...deepest, path: [...issue.path, ...deepest.path] }, schema, file, where, input);
  }
  const parent = issue.path.length > 1 ? fieldPath(issue.path.slice(0, -1)) : '';
  const under = parent ? `under "${parent}:", ` : '';
  const given = valueAt(input, issue.path);
  const expected = expectedTypes(issue);
  if (expected && given === undefined) {
    return [
      {
        file,
        field,
        message: `the required field "${field}"${label} is missing`,
        fix: example !== undefined ? `${under}add a line such as \`${exampleLine(key, example)}\`.${hint}` : `add "${key}" to the ${where}.${hint}`,
      },
    ];
  }
  const message = expected
    ? `"${field}"${label} should be ${expectedInWords(expected, example)}, not ${describe(given)}`
    : `"${field}"${label}: ${issue.message}`;
  // A schema that knows a better fix than the field's example gives it with the issue.
  const ownFix = issue.code === 'custom' ? (issue.params as { fix?: unknown } | undefined)?.fix : undefined;
  return [
    {
      file,
      field,
      message,
      fix:
        typeof ownFix === 'string'
          ? ownFix
          : example !== undefined
            ? `write it like \`${exampleLine(key || field, example)}\`.${hint}`
            : `correct the value of "${field}".${hint}`,
    },
  ];
}

/**
 * The types a field accepts when the issue is only that the value has another type: the type of
 * an `invalid_type` issue, or those of the branches of a union that each rejected the value's
 * type (such as a date field, which takes a YAML date or a text).
 */
function expectedTypes(issue: z.core.$ZodIssue): string[] | undefined {
  if (issue.code === 'invalid_type') return [issue.expected];
  if (issue.code !== 'invalid_union' || !issue.errors.length) return undefined;
  const inner = issue.errors.flat();
  if (!inner.every((branch) => branch.code === 'invalid_type' && branch.path.length === 0)) return undefined;
  return [...new Set(inner.map((branch) => (branch as z.core.$ZodIssueInvalidType).expected))];
}

function expectedInWords(expected: string[], example: unknown): string {
  // A date field also takes text, which it then reads as a date; to an editor it is a date.
  if (expected.includes('date')) return typeof example === 'string' ? `a date such as ${example}` : 'a date';
  return expected.map((type) => (type === 'array' ? 'a list' : type === 'object' ? 'a group of fields' : `a ${type}`)).join(' or ');
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'string') return `the text "${value}"`;
  return `${typeof value === 'object' ? 'a group of fields' : `the ${typeof value} ${String(value)}`}`;
}

/**
 * Turns a zod error into problems that name the file, the field and the fix. `input` is the
 * data that was validated; `where` says what holds the fields, e.g. "front matter".
 */
export function problemsFromZodError(error: z.ZodError, schema: z.core.$ZodType, file: string, input: unknown, where = 'front matter'): Problem[] {
  return error.issues.flatMap((issue) => issueProblems(issue, schema, file, where, input));
}

/** Renders problems as one message, grouped by file. */
export function formatProblems(problems: Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) {
    byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  }
  const count = problems.length === 1 ? 'one problem' : `${problems.length} problems`;
  const lines = [`Open Outreach found ${count} in the site's content:`];
  for (const [file, fileProblems] of byFile) {
    lines.push('', `  ${file}`);
    for (const problem of fileProblems) {
      lines.push(`    ✗ ${problem.field ? `${problem.field}: ` : ''}${problem.message}`);
      lines.push(`      Fix: ${problem.fix}`);
    }
  }
  return lines.join('\n');
}
