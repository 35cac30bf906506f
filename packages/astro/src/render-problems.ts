import type { Problem } from '@openoutreach/core';
import { MAX_NESTING_DEPTH } from '@openoutreach/markdown';

/** What is known of an entry whose loading or rendering failed. */
export interface FailedEntry {
  /** The file, relative to the site's root. */
  file: string;
  /** The whole file, to turn a line of its body into a line of the file. */
  contents?: string | undefined;
  /** The body as the renderer got it (Astro trims it). */
  body?: string | undefined;
}

// Astro's Markdown renderer puts this line before the error it throws, and logs the error with
// its stack trace before throwing it (see `renderQuietly()`).
const ASTRO_PREFIX = /^Failed to parse Markdown file "(.*)":\n/;

const FLATTEN = `flatten it: take the inner quotes, lists or HTML elements out of the outer ones, so that no more than ${MAX_NESTING_DEPTH} sit inside one another. Text pasted from another program often carries such nesting; paste it as plain text instead.`;

const PLUGIN_FAILED = "one of the site's Markdown plugins (the `markdown` part of astro.config.mjs) failed on it: show this message to whoever set them up.";

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  reason?: unknown;
  fix?: unknown;
  line?: unknown;
  place?: { line?: unknown; start?: { line?: unknown } };
}

/** The line of the file that holds line `bodyLine` of its body, when the body can be found in it. */
function fileLine({ contents, body }: FailedEntry, bodyLine: number): number {
  const start = contents && body ? contents.indexOf(body) : -1;
  return start < 0 ? bodyLine : contents!.slice(0, start).split('\n').length - 1 + bodyLine;
}

/** An error's own words on one line: without Astro's prefix or its Markdown, never a stack trace. */
function plainMessage(error: unknown): string {
  const message = String((error as ErrorLike | undefined)?.message ?? error).replace(ASTRO_PREFIX, '');
  const first = message
    .replace(/\*\*/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^at .+:\d+:\d+\)?$/.test(line))
    .join(' ');
  return first.length > 300 ? `${first.slice(0, 300)}…` : first || 'an unknown error';
}

/**
 * The problem of a body that could not be rendered, in words its author can act on: the kit's
 * limits say what went past them and how to fix it; a stack overflow is most likely nesting too
 * deep for them to have caught; anything else (a Markdown plugin of the site failing, say) is
 * quoted.
 */
export function renderProblem(entry: FailedEntry, error: unknown): Problem {
  const found = (error ?? {}) as ErrorLike;
  const line = [found.line, found.place?.start?.line, found.place?.line].find((value): value is number => typeof value === 'number');
  const where = line ? ` (line ${fileLine(entry, line)})` : '';
  if (found.name === 'MarkdownLimitError' && typeof found.reason === 'string' && typeof found.fix === 'string') {
    return { file: entry.file, field: 'body', message: `${found.reason}${where}`, fix: found.fix };
  }
  if (found.name === 'RangeError' && /Maximum call stack size exceeded/.test(String(found.message))) {
    return {
      file: entry.file,
      field: 'body',
      message: 'the text is nested too deeply to be made into a page (the steps that make it into HTML ran out of call stack)',
      fix: `${FLATTEN} If the text has no such nesting, ${PLUGIN_FAILED}`,
    };
  }
  return {
    file: entry.file,
    field: 'body',
    message: `the text could not be made into a page: ${plainMessage(error)}${where}`,
    fix: `change the text where the message points. If it names nothing in the text, ${PLUGIN_FAILED}`,
  };
}

const SCHEMA_MISMATCH = /^.*? data does not match collection schema\.\s*/;

/**
 * The problem of a file that could not be read or loaded: its front matter unreadable, or (in
 * dev, where the build's own check of the fields has not run on an edit) its fields wrong.
 */
export function loadProblem(file: string, error: unknown): Problem {
  const message = plainMessage(error);
  if (SCHEMA_MISMATCH.test(message)) {
    return {
      file,
      field: '',
      message: `the fields are not right: ${message.replace(SCHEMA_MISMATCH, '')}`,
      fix: 'correct the fields named, then save the file again.',
    };
  }
  return {
    file,
    field: '',
    message: `the file could not be loaded: ${message}`,
    fix: 'check the front matter between the two "---" lines (each line a name, a colon and a value, lists in [ ] closed), then save the file again.',
  };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What the dev server shows in place of a body that could not be rendered: the problem, in paragraphs that wrap. */
export function renderProblemHtml(problem: Problem): string {
  const where = `<code>${escapeHtml(problem.file)}</code>${problem.field ? `, ${escapeHtml(problem.field)}` : ''}`;
  return [
    '<div class="oo-render-problem" role="alert">',
    '<p><strong>This text cannot be shown, and the site will not build until it is fixed.</strong></p>',
    `<p>${where}: ${escapeHtml(problem.message)}</p>`,
    `<p>Fix: ${escapeHtml(problem.fix)}</p>`,
    '</div>',
  ].join('\n');
}

// The loaders run in Astro's content layer, the build hooks in the integration: each has its own
// copy of this module, so the problems found are kept on the process.
const REGISTRY = Symbol.for('openoutreach.render-problems');
const registry = (): Map<string, Problem> => ((globalThis as { [REGISTRY]?: Map<string, Problem> })[REGISTRY] ??= new Map());

/** Keeps a file's problem until the build asks for them; a later success of the file clears it. */
export function recordProblem(problem: Problem): void {
  registry().set(problem.file, problem);
}

export function clearProblem(file: string): void {
  registry().delete(file);
}

/** Every problem the content layer has kept, for the build to stop on. */
export function recordedProblems(): Problem[] {
  return [...registry().values()];
}

const quietPaths = new Set<string>();
let restoreConsole: (() => void) | undefined;

/**
 * Runs Astro's render of the file at `path`, without the stack trace Astro's Markdown renderer
 * logs when it fails: the kit reports that failure itself, in words. Any other message goes
 * through untouched, and `console.error` is itself again once no render is running.
 */
export async function renderQuietly<T>(path: string, render: () => Promise<T>): Promise<T> {
  if (!quietPaths.size) {
    const original = console.error;
    const filter = (...args: unknown[]) => {
      const reported = ASTRO_PREFIX.exec(String((args[0] as ErrorLike | undefined)?.message ?? ''));
      if (!reported || !quietPaths.has(reported[1]!)) original.apply(console, args);
    };
    console.error = filter;
    restoreConsole = () => {
      if (console.error === filter) console.error = original;
    };
  }
  quietPaths.add(path);
  try {
    return await render();
  } finally {
    quietPaths.delete(path);
    if (!quietPaths.size) restoreConsole?.();
  }
}
