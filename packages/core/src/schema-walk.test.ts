import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { objectKeys, schemaAt } from './schema-walk.ts';

describe('objectKeys', () => {
  it('lists the keys of an object, through wrappers', () => {
    expect(objectKeys(z.strictObject({ title: z.string(), date: z.string() }).optional())).toEqual(['title', 'date']);
  });

  it('lists the keys of a record whose keys are an enum', () => {
    expect(objectKeys(z.partialRecord(z.enum(['Header', 'Footer']), z.string()).default({}))).toEqual(['Header', 'Footer']);
  });

  it('gives no keys for a record of any text, or for other schemas', () => {
    expect(objectKeys(z.record(z.string(), z.number()))).toEqual([]);
    expect(objectKeys(z.string())).toEqual([]);
  });
});

describe('schemaAt', () => {
  it('finds the schema of a value in a record, with its documentation', () => {
    const value = z.string().meta({ title: 'Component path' });
    const found = schemaAt(z.strictObject({ components: z.partialRecord(z.enum(['Footer']), value) }), ['components', 'Footer']);
    expect(found?.doc?.title).toBe('Component path');
  });

  it('finds list elements and gives nothing for a path that leads nowhere', () => {
    const schema = z.strictObject({ tags: z.array(z.string().meta({ title: 'Tag' })) });
    expect(schemaAt(schema, ['tags', 0])?.doc?.title).toBe('Tag');
    expect(schemaAt(schema, ['nope'])).toBeUndefined();
  });
});
