import { describe, expect, it } from 'vitest';
import { projectSchema } from './project.ts';

const schema = projectSchema();

describe('projectSchema', () => {
  it('parses a minimal project as active', () => {
    expect(schema.parse({ title: 'Safe streets' })).toEqual({ title: 'Safe streets', status: 'active', draft: false });
  });

  it('reads its dates as days', () => {
    expect(schema.parse({ title: 'Safe streets', start: '2026-03-01', end: '2026-12-31' })).toMatchObject({
      start: new Date('2026-03-01T00:00:00Z'),
      end: new Date('2026-12-31T00:00:00Z'),
    });
  });

  it('refuses an unknown status, listing the statuses', () => {
    expect(schema.safeParse({ title: 'X', status: 'done' }).error?.issues[0]).toMatchObject({
      path: ['status'],
      message: 'choose one of: active, planned, completed',
    });
  });

  it('refuses an end before the start, with a fix', () => {
    const issue = schema.safeParse({ title: 'X', start: '2026-05-01', end: '2026-04-01' }).error?.issues[0];
    expect(issue).toMatchObject({ path: ['end'], message: 'the project ends before it starts' });
  });
});
