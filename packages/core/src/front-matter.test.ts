import { describe, expect, it } from 'vitest';
import { parseFrontMatter, parseYamlData } from './front-matter.ts';

const FILE = 'src/content/pages/about.md';

function problemOf(text: string) {
  const result = parseFrontMatter(text, FILE);
  if (result.ok) throw new Error('expected a problem');
  return result.problem;
}

describe('parseFrontMatter', () => {
  it('splits the fields from the body', () => {
    expect(parseFrontMatter('---\ntitle: About us\nmenu:\n  order: 2\n---\n\n# Hello\n', FILE)).toEqual({
      ok: true,
      data: { title: 'About us', menu: { order: 2 } },
      body: '\n# Hello\n',
    });
  });

  it('reports a file without front matter, naming the file', () => {
    const problem = problemOf('# Just a heading\n\ntitle: x\n');
    expect(problem).toMatchObject({ file: FILE, field: '', message: 'the file does not start with front matter' });
    expect(problem.fix).toContain('---');
    expect(problemOf('---\ntitle: never closed\n').message).toBe('the file does not start with front matter');
  });

  it('reports malformed YAML with the line it is on, without a stack trace', () => {
    const problem = problemOf('---\ntitle: ok\nsummary: fine\ntags: [unclosed\n---\nbody');
    expect(problem.message).toMatch(/^the YAML at line \d+ cannot be read: /);
    expect(problem.message).not.toMatch(/\n|at line \d+, column/);
    expect(problem.fix).toContain('quotes');
  });

  // The bad line below is line 4 of the file but line 3 of the YAML.
  it('gives the line number of the bad line in the file', () => {
    expect(problemOf('---\ntitle: ok\nsummary: fine\ntagline: a: b\n---\nbody').message).toContain('at line 4 ');
  });

  it('reports a repeated field', () => {
    expect(problemOf('---\ntitle: a\ntitle: b\n---\n').message).toContain('Map keys must be unique');
  });

  it('keeps dates and yes/no as text so that the schemas check them strictly', () => {
    const result = parseFrontMatter('---\ndate: 2026-02-30\nwhen: 2026-05-01T18:30:00+02:00\ndraft: yes\n---\n', FILE);
    expect(result).toMatchObject({ ok: true, data: { date: '2026-02-30', when: '2026-05-01T18:30:00+02:00', draft: 'yes' } });
  });

  it('ignores a byte-order mark and reads Windows line endings', () => {
    expect(parseFrontMatter('\uFEFF---\r\ntitle: About\r\n---\r\nBody', FILE)).toEqual({ ok: true, data: { title: 'About' }, body: 'Body' });
  });

  it('rejects front matter that is a list or a lone value rather than fields', () => {
    expect(problemOf('---\n- a\n- b\n---\n').message).toBe('the fields must be written as "name: value" lines');
    expect(problemOf('---\njust some text\n---\n').message).toBe('the fields must be written as "name: value" lines');
  });

  // An empty block is front matter without fields, so the schema can then name the missing ones.
  it('accepts an empty front matter block as no fields', () => {
    expect(parseFrontMatter('---\n---\nBody', FILE)).toEqual({ ok: true, data: {}, body: 'Body' });
    expect(parseFrontMatter('---\r\n---\r\n', FILE)).toEqual({ ok: true, data: {}, body: '' });
    expect(parseFrontMatter('---\n\n---\nBody', FILE)).toEqual({ ok: true, data: {}, body: 'Body' });
  });
});

describe('parseYamlData', () => {
  it('reads an empty document as no fields', () => {
    expect(parseYamlData('# only a comment\n', 'site.yaml')).toEqual({ ok: true, data: {}, body: '' });
  });

  it('counts lines from the top of a settings file', () => {
    const result = parseYamlData('name: x\ndescription: ok\ntagline: a: b\n', 'src/settings/site.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ file: 'src/settings/site.yaml', message: expect.stringMatching(/at line 3 /) });
  });
});
