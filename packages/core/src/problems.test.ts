import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newsSchema } from './schemas/news.ts';
import { siteSettingsSchema } from './schemas/site-settings.ts';
import { closestKey, ContentError, formatProblems, problemsFromZodError, type Problem } from './problems.ts';

const FILE = 'src/content/news/fair.md';
const news = newsSchema();

function problemsOf(input: Record<string, unknown>, schema: z.ZodType = news, where?: string): Problem[] {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be rejected');
  return problemsFromZodError(result.error, schema, FILE, input, where);
}

describe('problemsFromZodError', () => {
  it('names the file and field of a missing field and gives the example from the schema', () => {
    expect(problemsOf({ date: '2026-05-01' })).toEqual([
      {
        file: FILE,
        field: 'title',
        message: 'the required field "title" (Title) is missing',
        fix: 'add a line such as `title: Our spring fair raised €2,000`. The headline of the post.',
      },
    ]);
  });

  it('says under which group a nested missing field goes', () => {
    const [problem, ...rest] = problemsOf({ title: 'Fair', date: '2026-05-01', cover: { src: 'fair.jpg' } });
    expect(rest).toEqual([]);
    expect(problem?.field).toBe('cover.alt');
    expect(problem?.message).toContain('is missing');
    expect(problem?.fix).toMatch(/^under "cover:", add a line such as `alt: Volunteers planting tomatoes/);
  });

  it('says a list is expected when a string is given, quoting the value', () => {
    const [problem] = problemsOf({ title: 'Fair', date: '2026-05-01', tags: 'events' });
    expect(problem?.field).toBe('tags');
    expect(problem?.message).toBe('"tags" (Tags) should be a list, not the text "events"');
    expect(problem?.fix).toContain('- events');
  });

  it('describes other wrong types in words', () => {
    const [problem] = problemsOf({ title: 'Fair', date: '2026-05-01', draft: 'yes' });
    expect(problem?.message).toBe('"draft" (Draft) should be a boolean, not the text "yes"');
    const [group] = problemsOf({ title: 'Fair', date: '2026-05-01', tags: { a: 1 } });
    expect(group?.message).toContain('not a group of fields');
  });

  it('passes a custom message on with the field label and the example as the fix', () => {
    const [problem] = problemsOf({ title: 'Fair', date: '2026-02-30' });
    expect(problem).toMatchObject({ field: 'date', fix: expect.stringContaining('`date: 2026-05-01`') });
    expect(problem?.message).toContain('"2026-02-30" is not a real date');
  });

  it('uses the fix a custom issue carries in params.fix instead of the example', () => {
    const schema = z.strictObject({ start: z.string(), end: z.string() }).superRefine((value, ctx) => {
      if (value.end < value.start)
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'the end is before the start', params: { fix: 'give a later end.' } });
    });
    expect(problemsOf({ start: 'b', end: 'a' }, schema)).toEqual([
      { file: FILE, field: 'end', message: '"end": the end is before the start', fix: 'give a later end.' },
    ]);
  });

  it('suggests the known key closest to a mistyped one', () => {
    expect(problemsOf({ title: 'Fair', date: '2026-05-01', tittle: 'x' })).toEqual([
      {
        file: FILE,
        field: 'tittle',
        message: '"tittle" is not a field of this front matter',
        fix: 'did you mean "title"? Rename it, or remove the line.',
      },
    ]);
  });

  it('lists the allowed fields when an unknown key is not close to any', () => {
    const [problem] = problemsOf({ title: 'Fair', date: '2026-05-01', qqqqqqqq: 1 });
    expect(problem?.fix).not.toContain('did you mean');
    expect(problem?.fix).toBe('remove it; the fields allowed here are: title, date, summary, cover, tags, author, person, project, draft.');
  });

  it('lists the fields of the nested group an unknown key is in, and says what holds them', () => {
    const [problem] = problemsOf({ name: 'x', colours: { primary: '#000000', zzzzzzzz: 1 } }, siteSettingsSchema, 'settings file');
    expect(problem?.field).toBe('colours.zzzzzzzz');
    expect(problem?.message).toBe('"zzzzzzzz" is not a field of this settings file');
    expect(problem?.fix).toContain('primary, accent');
  });

  it('gives one problem per unknown key and per failing field', () => {
    const problems = problemsOf({ date: 'soon', colour: 1, tittle: 2 });
    expect(problems.map((problem) => problem.field).sort()).toEqual(['colour', 'date', 'title', 'tittle']);
  });

  it('says a date is expected when a date field gets another type, with the usual fix', () => {
    expect(problemsOf({ title: 'Fair', date: 5 })).toEqual([
      {
        file: FILE,
        field: 'date',
        message: '"date" (Publication date) should be a date such as 2026-05-01, not the number 5',
        fix: 'write it like `date: 2026-05-01`. The day the post is published, as YYYY-MM-DD. A later day schedules the post: it appears with the first rebuild on or after that day (the daily scheduled rebuild, just after midnight in the site’s time zone).',
      },
    ]);
    expect(problemsOf({ title: 'Fair', date: ['2026-05-01'] })[0]?.message).toContain('should be a date such as 2026-05-01, not a list');
  });

  it('says a missing date field is missing', () => {
    expect(problemsOf({ title: 'Fair' })[0]).toMatchObject({
      field: 'date',
      message: 'the required field "date" (Publication date) is missing',
      fix: expect.stringContaining('`date: 2026-05-01`'),
    });
  });

  it('names the types a union accepts when the value has none of them', () => {
    const schema = z.strictObject({ size: z.union([z.number(), z.boolean()]) });
    expect(problemsOf({ size: 'big' }, schema)[0]?.message).toBe('"size" should be a number or a boolean, not the text "big"');
  });

  it('suggests the key meant in a record whose keys are listed', () => {
    const schema = z.strictObject({ components: z.partialRecord(z.enum(['Header', 'Footer']), z.string()).default({}) });
    expect(problemsOf({ components: { Foter: 'x' } }, schema)[0]).toMatchObject({
      field: 'components.Foter',
      fix: 'did you mean "Footer"? Rename it, or remove the line.',
    });
    expect(problemsOf({ components: { Sidebar: 'x' } }, schema)[0]?.fix).toBe('remove it; the fields allowed here are: Header, Footer.');
  });

  it('writes list indices in field paths', () => {
    const input = {
      name: 'x',
      social: [
        { network: 'mastodon', url: 'https://a.b' },
        { network: 'myspace', url: 'https://a.b' },
      ],
    };
    expect(problemsOf(input, siteSettingsSchema)[0]?.field).toBe('social[1].network');
  });
});

describe('closestKey', () => {
  it('finds close typos, ignoring case, and nothing for far ones', () => {
    expect(closestKey('Titel', ['title', 'date'])).toBe('title');
    expect(closestKey('summery', ['title', 'summary'])).toBe('summary');
    expect(closestKey('colour', ['title', 'date'])).toBeUndefined();
    expect(closestKey('x', [])).toBeUndefined();
  });
});

describe('formatProblems', () => {
  const problems: Problem[] = [
    { file: 'a.md', field: 'title', message: 'title missing', fix: 'add it' },
    { file: 'b.md', field: '', message: 'no front matter', fix: 'add ---' },
    { file: 'a.md', field: 'date', message: 'bad date', fix: 'write YYYY-MM-DD' },
  ];

  it('groups problems under their file, each with its fix', () => {
    expect(formatProblems(problems)).toBe(
      [
        "Open Outreach found 3 problems in the site's content:",
        '',
        '  a.md',
        '    ✗ title: title missing',
        '      Fix: add it',
        '    ✗ date: bad date',
        '      Fix: write YYYY-MM-DD',
        '',
        '  b.md',
        '    ✗ no front matter',
        '      Fix: add ---',
      ].join('\n'),
    );
  });

  it('counts a single problem in words', () => {
    expect(formatProblems(problems.slice(0, 1))).toMatch(/^Open Outreach found one problem/);
  });

  it('is the message of a ContentError, which keeps the problems', () => {
    const error = new ContentError(problems);
    expect(error.message).toBe(formatProblems(problems));
    expect(error.problems).toBe(problems);
    expect(error.name).toBe('ContentError');
  });
});
