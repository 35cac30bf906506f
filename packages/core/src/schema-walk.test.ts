import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeSchema, objectKeys, schemaAt } from './schema-walk.ts';

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

describe('describeSchema', () => {
  it('sees through wrappers: the documentation, whether it is optional and its default', () => {
    const schema = z.number().int().meta({ title: 'Order' }).default(3);
    expect(describeSchema(schema)).toMatchObject({ type: 'number', integer: true, optional: true, defaultValue: 3, doc: { title: 'Order' } });
    expect(describeSchema(z.string().nullable())).toMatchObject({ type: 'string', optional: false });
  });

  it('describes what is inside: fields, items, enum values, discriminated unions, dates', () => {
    const block = z.discriminatedUnion('type', [z.object({ type: z.literal('hero') }), z.object({ type: z.literal('text') })]);
    expect(Object.keys(describeSchema(z.object({ a: z.string(), b: z.number() })).shape!)).toEqual(['a', 'b']);
    expect(describeSchema(z.array(block).optional()).element).toBe(block);
    expect(describeSchema(z.enum(['one', 'two'])).values).toEqual(['one', 'two']);
    expect(describeSchema(block)).toMatchObject({ discriminator: 'type', date: false });
    expect(describeSchema(z.union([z.string(), z.date()])).date).toBe(true);
  });

  it('leaves the optionality inside a lazy schema to the fields it leads to', () => {
    expect(describeSchema(z.lazy(() => z.string().optional()))).toMatchObject({ type: 'string', optional: false });
  });
});
