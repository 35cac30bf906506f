import { z } from 'zod';
import type { FieldDoc } from './schemas/fields.ts';

type AnySchema = z.core.$ZodType;

function metaOf(schema: AnySchema): Partial<FieldDoc> | undefined {
  return z.globalRegistry.get(schema) as Partial<FieldDoc> | undefined;
}

/** What a schema is, seen through its wrappers: all that the kit reads of zod's internals. */
export interface SchemaNode {
  /** The schema inside its wrappers (optional, default, pipe, preprocess…). */
  inner: AnySchema;
  /** zod's name of the inner schema's type: `string`, `number`, `object`, `array`, `union`, `enum`… */
  type: string;
  /** The first documentation found on the way in (`.meta()`, see schemas/fields.ts). */
  doc: Partial<FieldDoc> | undefined;
  /** Whether the schema accepts no value: an optional or default wrapper (a lazy one is not followed). */
  optional: boolean;
  /** The value a default wrapper fills in, if any. */
  defaultValue?: unknown;
  /** An object's fields, in order. */
  shape?: Record<string, AnySchema>;
  /** A list's item. */
  element?: AnySchema;
  /** A record's value. */
  valueType?: AnySchema;
  /** A record's key. */
  keyType?: AnySchema;
  /** A union's options, and the field that tells them apart in a discriminated union. */
  options?: AnySchema[];
  discriminator?: string;
  /** The values an enum or a literal accepts. */
  values?: unknown[];
  /** Whether a number takes whole numbers only (`.int()`). */
  integer?: boolean;
  /** Whether it is a date: a union with a date among its options (a day written as text or a date). */
  date?: boolean;
}

type Def = Record<string, unknown> & { type: string };
const defOf = (schema: AnySchema) => schema._zod.def as unknown as Def;

/** The schema a wrapper holds, or undefined for a schema that wraps nothing. */
function wrapped(def: Def): AnySchema | undefined {
  if (['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch'].includes(def.type)) return def.innerType as AnySchema;
  // A preprocess step (a transform in front) leads to the schema it feeds.
  if (def.type === 'pipe') return (defOf(def.in as AnySchema).type === 'transform' ? def.out : def.in) as AnySchema;
  if (def.type === 'lazy') return (def.getter as () => AnySchema)();
  return undefined;
}

/**
 * The one walk over zod's internals: steps through a schema's wrappers, collecting the first
 * documentation, whether it is optional and its default, and describes what is inside. The
 * error messages (problems.ts) and the CMS's fields (@openoutreach/cms) both read schemas so.
 */
export function describeSchema(schema: AnySchema): SchemaNode {
  let current = schema;
  let doc = metaOf(current);
  let optional = false;
  // Optionality stops at a lazy schema, which the CMS edits as the fields it leads to.
  let outsideLazy = true;
  let defaultValue: unknown;
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(current);
    if (outsideLazy && def.type === 'optional') optional = true;
    if (outsideLazy && (def.type === 'default' || def.type === 'prefault')) {
      optional = true;
      const value = def.defaultValue;
      defaultValue ??= typeof value === 'function' ? (value as () => unknown)() : value;
    }
    if (def.type === 'lazy') outsideLazy = false;
    const next = wrapped(def);
    if (!next) break;
    current = next;
    doc ??= metaOf(current);
  }
  const def = defOf(current);
  const node: SchemaNode = { inner: current, type: def.type, doc, optional, ...(defaultValue === undefined ? {} : { defaultValue }) };
  if (def.type === 'object') node.shape = (def.shape ?? {}) as Record<string, AnySchema>;
  if (def.type === 'array') node.element = def.element as AnySchema;
  if (def.type === 'record') Object.assign(node, { keyType: def.keyType, valueType: def.valueType });
  if (def.type === 'union') {
    node.options = def.options as AnySchema[];
    if (typeof def.discriminator === 'string') node.discriminator = def.discriminator;
    node.date = node.options.some((option) => defOf(option).type === 'date');
  }
  if (def.type === 'enum') node.values = Object.values(def.entries as Record<string, string | number>);
  if (def.type === 'literal') node.values = def.values as unknown[];
  if (def.type === 'number') {
    node.integer = ((def.checks ?? []) as AnySchema[]).some((check) => /int/.test(String((defOf(check) as { format?: string }).format ?? '')));
  }
  return node;
}

/** Steps through wrappers (optional, default, pipe, preprocess…) collecting the first documentation found. */
export function unwrap(schema: AnySchema): { inner: AnySchema; doc: Partial<FieldDoc> | undefined } {
  const { inner, doc } = describeSchema(schema);
  return { inner, doc };
}

/**
 * The keys an object schema accepts, or those of a record whose keys are an enum (e.g.
 * `z.partialRecord(z.enum(['Header', 'Footer']), …)`); an empty list for any other schema.
 */
export function objectKeys(schema: AnySchema): string[] {
  const node = describeSchema(schema);
  if (node.shape) return Object.keys(node.shape);
  if (node.keyType) return (describeSchema(node.keyType).values ?? []).map(String);
  return [];
}

/**
 * The option of a discriminated union that `value` chooses (`type: hero` picks the hero block),
 * or, without a value, the first option that has `key`.
 */
function unionOption(options: AnySchema[], discriminator: string, value: unknown, key: PropertyKey): AnySchema | undefined {
  const shapeOf = (option: AnySchema) => describeSchema(option).shape ?? {};
  const chosen = value && typeof value === 'object' ? (value as Record<string, unknown>)[discriminator] : undefined;
  const byValue = options.find((option) => {
    const literal = shapeOf(option)[discriminator];
    return chosen !== undefined && !!literal && !!describeSchema(literal).values?.includes(chosen);
  });
  return byValue ?? options.find((option) => typeof key === 'string' && key in shapeOf(option));
}

/**
 * The schema (and its documentation) found at `path` inside `schema`. `input`, the data being
 * checked, chooses the option of a discriminated union on the way.
 */
export function schemaAt(
  schema: AnySchema,
  path: readonly PropertyKey[],
  input?: unknown,
): { schema: AnySchema; doc: Partial<FieldDoc> | undefined } | undefined {
  let node = describeSchema(schema);
  let doc = node.doc;
  let value = input;
  for (const key of path) {
    if (node.discriminator && node.options) {
      const option = unionOption(node.options, node.discriminator, value, key);
      if (!option) return undefined;
      node = describeSchema(option);
    }
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    let child: AnySchema | undefined;
    if (node.shape && typeof key === 'string') child = node.shape[key];
    else if (node.valueType && typeof key === 'string') child = node.valueType;
    else if (node.element && typeof key === 'number') child = node.element;
    if (!child) return undefined;
    node = describeSchema(child);
    doc = node.doc;
  }
  // An object of a discriminated union that the data has chosen, e.g. for its list of fields.
  const option = node.discriminator && node.options ? unionOption(node.options, node.discriminator, value, Symbol()) : undefined;
  return { schema: option ? describeSchema(option).inner : node.inner, doc };
}
