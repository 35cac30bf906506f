import { describe, expect, it } from 'vitest';
import { problemsFromZodError } from '../problems.ts';
import { HOME_BLOCK_TYPES } from './home-blocks.ts';
import { pageSchema } from './page.ts';

const schema = pageSchema();
const FILE = 'src/content/pages/home.md';
const image = { src: '../../assets/pages/tools.jpg', alt: 'A wall of tools' };

/** One valid block of each kind, as an editor writes it. */
const VALID = {
  hero: { type: 'hero', title: 'Hello', text: 'We are neighbours.', image, action: { label: 'Join', href: '/get-involved/' } },
  'call-to-action': { type: 'call-to-action', heading: 'Join us', text: 'It is free.', label: 'Become a member', href: '/get-involved/' },
  'latest-news': { type: 'latest-news', heading: 'News', count: 4 },
  'upcoming-events': { type: 'upcoming-events', count: 2 },
  'featured-projects': { type: 'featured-projects', projects: ['safer-crossing', 'tool-library'] },
  figures: { type: 'figures', heading: 'In numbers', items: [{ value: '400+', label: 'neighbours at the festival' }] },
  'text-with-image': { type: 'text-with-image', heading: 'Tools', text: 'Borrow **anything**.', image, imageSide: 'left' },
  donate: { type: 'donate', text: 'Gifts pay for gloves.', label: 'Give' },
} as const;

/** Invalid blocks of each kind, and the field the problem is in. */
const INVALID: Record<(typeof HOME_BLOCK_TYPES)[number], [unknown, string]> = {
  hero: [{ type: 'hero', image: { src: '../../assets/pages/tools.jpg' } }, 'blocks[0].image.alt'],
  'call-to-action': [{ type: 'call-to-action', heading: 'Join', label: 'Go', href: 'get-involved' }, 'blocks[0].href'],
  'latest-news': [{ type: 'latest-news', count: 20 }, 'blocks[0].count'],
  'upcoming-events': [{ type: 'upcoming-events', count: 0 }, 'blocks[0].count'],
  'featured-projects': [{ type: 'featured-projects', projects: ['Safer Crossing'] }, 'blocks[0].projects[0]'],
  figures: [{ type: 'figures', items: [{ value: '400+' }] }, 'blocks[0].items[0].label'],
  'text-with-image': [{ type: 'text-with-image', text: 'Hi', image, imageSide: 'top' }, 'blocks[0].imageSide'],
  donate: [{ type: 'donate', colour: 'red' }, 'blocks[0].colour'],
};

const problemsOf = (blocks: unknown[]) => {
  const data = { title: 'Welcome', blocks };
  const result = schema.safeParse(data);
  return result.success ? [] : problemsFromZodError(result.error, schema, FILE, data);
};

describe('home page blocks', () => {
  it.each(HOME_BLOCK_TYPES)('accepts a %s block', (type) => {
    expect(problemsOf([VALID[type]])).toEqual([]);
  });

  it('keeps the blocks in their order, with defaults filled in', () => {
    const page = schema.parse({ title: 'Welcome', blocks: [{ type: 'hero' }, { type: 'latest-news' }, VALID['text-with-image'], { type: 'upcoming-events' }] });
    expect(page.blocks?.map((block) => block.type)).toEqual(['hero', 'latest-news', 'text-with-image', 'upcoming-events']);
    expect(page.blocks?.[1]).toEqual({ type: 'latest-news', count: 3 });
    expect(schema.parse({ title: 'x', blocks: [{ ...VALID['text-with-image'], imageSide: undefined }] }).blocks?.[0]).toMatchObject({ imageSide: 'right' });
  });

  it('is optional: a page without blocks has none', () => {
    expect(schema.parse({ title: 'Welcome' }).blocks).toBeUndefined();
  });

  it.each(Object.entries(INVALID))('rejects a bad %s block, naming the field', (_type, [block, field]) => {
    const problems = problemsOf([block]);
    expect(problems.map((problem) => problem.field)).toEqual([field]);
    expect(problems[0]!.fix).not.toBe('');
  });

  it('explains a mistyped kind of block, listing the choices', () => {
    expect(problemsOf([VALID.hero, { type: 'figure', items: [] }])).toEqual([
      {
        file: FILE,
        field: 'blocks[1].type',
        message: '"blocks[1].type" is the text "figure", which is not one of the choices',
        fix: `did you mean "figures"? Write one of: ${HOME_BLOCK_TYPES.join(', ')}.`,
      },
    ]);
    expect(problemsOf([{ heading: 'No kind' }])[0]).toMatchObject({ field: 'blocks[0].type', message: 'the required field "blocks[0].type" is missing' });
  });

  it('uses the documentation of the block the editor chose for the fix', () => {
    const [problem] = problemsOf([{ type: 'call-to-action', heading: 'Join', href: '/join/' }]);
    expect(problem).toMatchObject({ field: 'blocks[0].label', message: 'the required field "blocks[0].label" (Button text) is missing' });
    expect(problem!.fix).toContain('label: Become a member');
  });

  it('suggests the fields of the chosen block for an unknown one', () => {
    const [problem] = problemsOf([{ type: 'latest-news', cout: 4 }]);
    expect(problem).toMatchObject({ field: 'blocks[0].cout', fix: 'did you mean "count"? Rename it, or remove the line.' });
  });

  it('allows one hero, first', () => {
    const [problem, ...rest] = problemsOf([VALID.figures, VALID.hero]);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ field: 'blocks[1].type', fix: 'move the hero block to the top of the list, or remove the extra one.' });
    expect(problemsOf([VALID.hero, VALID.hero])).toHaveLength(1);
  });

  it('reads a cleared optional field as not given', () => {
    expect(problemsOf([{ type: 'donate', heading: '', text: '', label: '' }])).toEqual([]);
  });
});
