import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './index.ts';
import { checkMarkdownText, checkTreeDepth, MAX_BODY_CHARACTERS, MAX_NESTING_DEPTH, MarkdownLimitError } from './limits.ts';

/** The error `render` fails with, or a failure of the test if it succeeds. */
async function failure(render: Promise<unknown>): Promise<MarkdownLimitError> {
  const error = await render.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(MarkdownLimitError);
  return error as MarkdownLimitError;
}

const nestedList = (levels: number) => Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}- item`).join('\n');

describe('the limits of a body', () => {
  it('let ordinary nesting through: lists ten deep, quotes in lists, HTML in quotes', async () => {
    const text = `${nestedList(10)}\n\n- > quoted *in **a [list](/x/)***\n\n> <div><div><p>inside</p></div></div>\n`;
    expect(() => checkMarkdownText(text)).not.toThrow();
    expect(await renderMarkdown(text)).toContain('<p>inside</p>');
  });

  it('refuse quotes nested past the limit before parsing, naming the line', async () => {
    const error = await failure(renderMarkdown(`Fine.\n\n${'>'.repeat(5000)} deep\n`));
    expect(error.reason).toBe(`the text is nested too deeply: quotes inside one another more than ${MAX_NESTING_DEPTH} levels deep`);
    expect(error.line).toBe(3);
    expect(error.fix).toMatch(/^flatten it: take the inner quotes out of the outer ones/);
  });

  it('refuse lists nested past the limit', async () => {
    const error = await failure(renderMarkdown(nestedList(MAX_NESTING_DEPTH + 5)));
    expect(error.reason).toContain('lists inside one another');
  });

  it('refuse HTML elements nested past the limit, but not a page of unclosed paragraphs', async () => {
    const error = await failure(renderMarkdown(`Intro\n\n${'<div>'.repeat(4000)}x${'</div>'.repeat(4000)}\n`));
    expect(error.reason).toContain('HTML elements inside one another');
    expect(error.line).toBe(3);
    expect(() => checkMarkdownText('<p>one\n'.repeat(500))).not.toThrow();
    expect(() => checkMarkdownText('<div>a</div>\n'.repeat(500))).not.toThrow();
  });

  it('refuse emphasis nested past the limit once parsed', async () => {
    const levels = MAX_NESTING_DEPTH + 10;
    const error = await failure(renderMarkdown(`${'*a _b '.repeat(levels / 2)}x${' b_ a*'.repeat(levels / 2)}`));
    expect(error.reason).toContain('emphasis marks inside one another');
    expect(error.line).toBe(1);
  });

  it('measure a tree without recursion, so a very deep one does not overflow the check', () => {
    let tree: Parameters<typeof checkTreeDepth>[0] = { type: 'text' };
    for (let level = 0; level < 100_000; level++) tree = { type: 'blockquote', children: [tree] };
    expect(() => checkTreeDepth(tree)).toThrow(MarkdownLimitError);
    expect(() => checkTreeDepth({ type: 'root', children: [{ type: 'paragraph' }] })).not.toThrow();
  });

  it(`refuse a body longer than ${MAX_BODY_CHARACTERS} characters, and take one at the limit`, async () => {
    const error = await failure(renderMarkdown('word '.repeat(MAX_BODY_CHARACTERS / 5 + 1)));
    expect(error.reason).toBe(`the text is 200,005 characters long, more than the 200,000 (about 30,000 words) a page may have`);
    expect(error.fix).toMatch(/^split it into several pages or posts/);
    expect(() => checkMarkdownText('word '.repeat(MAX_BODY_CHARACTERS / 5))).not.toThrow();
  });
});
