import { describe, expect, it } from 'vitest';
import { newsSchema } from './news.ts';

const schema = newsSchema();
const post = (date: unknown, extra: Record<string, unknown> = {}) => schema.safeParse({ title: 'Fair', date, ...extra });

describe('newsSchema', () => {
  it('parses a minimal post, turning the date into a Date and filling in the defaults', () => {
    expect(schema.parse({ title: 'Fair', date: '2026-05-01' })).toEqual({
      title: 'Fair',
      date: new Date('2026-05-01T00:00:00Z'),
      tags: [],
      draft: false,
    });
  });

  it('rejects a post without a title', () => {
    expect(schema.safeParse({ date: '2026-05-01' }).error?.issues[0]).toMatchObject({
      path: ['title'],
      message: 'every news post needs a title',
    });
  });

  it('rejects a post without a date', () => {
    expect(schema.safeParse({ title: 'Fair' }).error?.issues[0]?.path).toEqual(['date']);
  });

  it.each(['2026-02-28', '2024-02-29', '2026-12-31'])('accepts the real day %s', (date) => {
    const result = post(date);
    expect(result.success).toBe(true);
    expect(result.data?.date.toISOString().slice(0, 10)).toBe(date);
  });

  it.each(['2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-5-1', 'next Tuesday', ''])('rejects %j rather than rolling it over', (date) => {
    const result = post(date);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['date']);
  });

  it('names the impossible date and the expected form in the message', () => {
    expect(post('2026-02-30').error?.issues[0]?.message).toBe('"2026-02-30" is not a real date; write it as YYYY-MM-DD, e.g. 2026-05-01');
  });

  it('accepts an ISO date-time with an offset as that instant', () => {
    expect(post('2026-05-01T18:30:00+02:00').data?.date.toISOString()).toBe('2026-05-01T16:30:00.000Z');
  });

  it('accepts a Date object (what a YAML 1.1 reader gives) but not an invalid one', () => {
    const date = new Date('2026-05-01T00:00:00Z');
    expect(post(date).data?.date).toEqual(date);
    expect(post(new Date('nope')).success).toBe(false);
  });

  it('rejects a cover without alt text', () => {
    const result = post('2026-05-01', { cover: { src: '../../assets/news/fair.jpg' } });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['cover', 'alt'],
      message: 'describe the image in a few words for people who cannot see it',
    });
  });

  it('rejects unknown keys, also inside the cover', () => {
    expect(post('2026-05-01', { category: 'events' }).success).toBe(false);
    expect(post('2026-05-01', { cover: { src: 'a.jpg', alt: 'a', caption: 'c' } }).success).toBe(false);
  });

  it('wants tags as a list of non-empty words', () => {
    expect(post('2026-05-01', { tags: ['events', ' volunteering '] }).data?.tags).toEqual(['events', 'volunteering']);
    expect(post('2026-05-01', { tags: 'events' }).success).toBe(false);
    // A list item the editor cleared in the CMS is dropped, not an error.
    expect(post('2026-05-01', { tags: ['', 'events'] }).data?.tags).toEqual(['events']);
  });

  it('reads fields the CMS writes cleared ("") as not given', () => {
    const result = post('2026-05-01', { author: '', summary: '  ', cover: { src: '', alt: '' }, tags: [] });
    expect(result.success).toBe(true);
    expect(result.data).not.toHaveProperty('author');
    expect(result.data).not.toHaveProperty('cover');
    expect(post('2026-05-01', { title: '' }).success).toBe(false);
  });
});

describe('newsSchema references', () => {
  it('names its author among the people and its project by their slugs', () => {
    expect(schema.parse({ title: 'Fair', date: '2026-05-01', person: 'sam-rivera', project: 'safe-streets' })).toMatchObject({
      person: 'sam-rivera',
      project: 'safe-streets',
    });
  });

  it('refuses a reference that is not a slug', () => {
    const result = schema.safeParse({ title: 'Fair', date: '2026-05-01', person: 'Sam Rivera' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['person'], message: 'use lower-case letters, digits and hyphens only, e.g. "about-us"' });
  });
});
