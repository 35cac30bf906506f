import { MarkdownLimitError, renderMarkdown } from '@openoutreach/markdown';
import { describe, expect, it } from 'vitest';
import { clearProblem, loadProblem, recordedProblems, recordProblem, renderProblem, renderProblemHtml, renderQuietly } from './render-problems.ts';

const FILE = 'src/content/news/thread.md';
const contents = '---\ntitle: Thread\ndate: 2026-05-01\n---\n\nFirst paragraph.\n\n>>>> deep\n';
const entry = { file: FILE, contents, body: contents.slice(contents.indexOf('First')).trim() };

/** The error a render fails with. */
const failure = (render: Promise<unknown>) =>
  render.then(
    () => expect.unreachable('the render should fail'),
    (error: unknown) => error,
  );

describe('renderProblem', () => {
  it("gives a limit's reason and fix, at the line of the file rather than of the body", async () => {
    const error = await failure(renderMarkdown(`First paragraph.\n\n${'>'.repeat(500)} deep`));
    expect(error).toBeInstanceOf(MarkdownLimitError);
    const problem = renderProblem(entry, error);
    expect(problem).toMatchObject({ file: FILE, field: 'body' });
    expect(problem.message).toBe('the text is nested too deeply: quotes inside one another more than 100 levels deep (line 8)');
    expect(problem.fix).toMatch(/^flatten it: /);
  });

  it('reads a limit error whose message Astro has prefixed, as its renderer does', () => {
    const error = new MarkdownLimitError('the text is too long', 'split it.', 3);
    error.message = `Failed to parse Markdown file "/site/${FILE}":\n${error.message}`;
    expect(renderProblem(entry, error).message).toBe('the text is too long (line 8)');
  });

  it('says a stack overflow is nesting too deep, or a plugin failing, without a stack trace', () => {
    const error = new RangeError('Failed to parse Markdown file "/x.md":\nMaximum call stack size exceeded');
    const problem = renderProblem(entry, error);
    expect(problem.message).toBe('the text is nested too deeply to be made into a page (the steps that make it into HTML ran out of call stack)');
    expect(problem.fix).toMatch(/^flatten it: .* If the text has no such nesting, one of the site's Markdown plugins/);
    expect(JSON.stringify(problem)).not.toMatch(/\bat \w+ \(/);
  });

  it("quotes any other error's own words on one line, with a plugin's place in the file", () => {
    const error = Object.assign(new Error('Failed to parse Markdown file "/x.md":\nunknown shortcode {{autumn}}'), {
      place: { start: { line: 3, column: 1 } },
    });
    error.message += '\n    at plugin (file:///site/plugins.mjs:3:9)';
    const problem = renderProblem(entry, error);
    expect(problem.message).toBe('the text could not be made into a page: unknown shortcode {{autumn}} (line 8)');
    expect(problem.fix).toContain("one of the site's Markdown plugins (the `markdown` part of astro.config.mjs) failed on it");
    expect(renderProblem(entry, new TypeError("Cannot read properties of undefined (reading 'trim')")).message).toBe(
      "the text could not be made into a page: Cannot read properties of undefined (reading 'trim')",
    );
  });
});

describe('loadProblem', () => {
  it('tells wrong fields from front matter that cannot be read', () => {
    expect(loadProblem(FILE, new Error('**news → thread** data does not match collection schema.\n\n  **title**: every news post needs a title\n'))).toEqual({
      file: FILE,
      field: '',
      message: 'the fields are not right: title: every news post needs a title',
      fix: 'correct the fields named, then save the file again.',
    });
    expect(loadProblem(FILE, 'unexpected end of the stream within a flow collection').message).toBe(
      'the file could not be loaded: unexpected end of the stream within a flow collection',
    );
  });
});

describe('renderProblemHtml', () => {
  it('shows the problem as text, never as markup', () => {
    const html = renderProblemHtml({ file: FILE, field: 'body', message: 'unknown <script>alert(1)</script> & co', fix: 'remove it.' });
    expect(html).toContain('role="alert"');
    expect(html).toContain('unknown &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(html).not.toContain('<script>');
  });
});

describe('the problems kept for the build', () => {
  it('keeps one problem a file, until the file renders again', () => {
    recordProblem(loadProblem(FILE, 'first'));
    recordProblem(loadProblem(FILE, 'second'));
    expect(
      recordedProblems()
        .filter((problem) => problem.file === FILE)
        .map((problem) => problem.message),
    ).toEqual(['the file could not be loaded: second']);
    clearProblem(FILE);
    expect(recordedProblems().some((problem) => problem.file === FILE)).toBe(false);
  });
});

describe('renderQuietly', () => {
  it('drops only the log of the failure of the file it renders, and passes the failure on', async () => {
    const logged: unknown[][] = [];
    const original = console.error;
    const collect = (...args: unknown[]) => void logged.push(args);
    console.error = collect;
    try {
      const error = new Error('Failed to parse Markdown file "/site/a.md":\nboom');
      const thrown = await failure(
        renderQuietly('/site/a.md', async () => {
          console.error(error);
          console.error(new Error('Failed to parse Markdown file "/site/b.md":\nother'));
          console.error('unrelated');
          throw error;
        }),
      );
      expect(thrown).toBe(error);
      expect(console.error, 'console.error given back').toBe(collect);
      console.error(error);
    } finally {
      console.error = original;
    }
    expect(logged.map(([first]) => (first instanceof Error ? first.message.split('\n')[1] : first))).toEqual(['other', 'unrelated', 'boom']);
  });
});
