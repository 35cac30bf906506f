import { z } from 'zod';
import type { FieldDoc } from './schemas/fields.ts';

type AnySchema = z.core.$ZodType;

function metaOf(schema: AnySchema): Partial<FieldDoc> | undefined {
  return z.globalRegistry.get(schema) as Partial<FieldDoc> | undefined;
}

/** Steps through wrappers (optional, default, pipe, preprocess…) collecting the first documentation found. */
export function unwrap(schema: AnySchema): { inner: AnySchema; doc: Partial<FieldDoc> | undefined } {
  let current = schema;
  let doc = metaOf(current);
  for (let depth = 0; depth < 20; depth++) {
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    const next =
      def.type === 'optional' || def.type === 'default' || def.type === 'nullable' ||
      def.type === 'prefault' || def.type === 'readonly' || def.type === 'catch'
        ? def.innerType
        : def.type === 'pipe'
          ? // A preprocess step (a transform in front) leads to the schema it feeds.
            (def.in as AnySchema)._zod.def.type === 'transform'
            ? def.out
            : def.in
          : def.type === 'lazy'
            ? (def.getter as () => AnySchema)()
            : undefined;
    if (!next) break;
    current = next as AnySchema;
    doc ??= metaOf(current);
  }
  return { inner: current, doc };
}

/**
 * The keys an object schema accepts, or those of a record whose keys are an enum (e.g.
 * `z.partialRecord(z.enum(['Header', 'Footer']), …)`); an empty list for any other schema.
 */
export function objectKeys(schema: AnySchema): string[] {
  const { inner } = unwrap(schema);
  const def = inner._zod.def as unknown as { type: string; shape?: Record<string, AnySchema>; keyType?: AnySchema };
  if (def.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def.type === 'record' && def.keyType) {
    const keyDef = unwrap(def.keyType).inner._zod.def as unknown as { type: string; entries?: Record<string, string | number> };
    if (keyDef.type === 'enum' && keyDef.entries) return Object.values(keyDef.entries).map(String);
  }
  return [];
}

/**
 * The option of a discriminated union that `value` chooses (`type: hero` picks the hero block),
 * or, without a value, the first option that has `key`.
 */
function unionOption(options: AnySchema[], discriminator: string, value: unknown, key: PropertyKey): AnySchema | undefined {
  const shapeOf = (option: AnySchema) => (unwrap(option).inner._zod.def as unknown as { shape?: Record<string, AnySchema> }).shape ?? {};
  const chosen = value && typeof value === 'object' ? (value as Record<string, unknown>)[discriminator] : undefined;
  const byValue = options.find((option) => {
    const literal = shapeOf(option)[discriminator]?._zod.def as unknown as { values?: unknown[] } | undefined;
    return chosen !== undefined && !!literal?.values?.includes(chosen);
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
  let { inner, doc } = unwrap(schema);
  let value = input;
  for (const key of path) {
    let def = inner._zod.def as unknown as {
      type: string;
      shape?: Record<string, AnySchema>;
      element?: AnySchema;
      valueType?: AnySchema;
      options?: AnySchema[];
      discriminator?: string;
    };
    if (def.type === 'union' && def.discriminator && def.options) {
      const option = unionOption(def.options, def.discriminator, value, key);
      if (!option) return undefined;
      ({ inner } = unwrap(option));
      def = inner._zod.def as unknown as typeof def;
    }
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    let child: AnySchema | undefined;
    if (def.type === 'object' && typeof key === 'string') child = def.shape?.[key];
    else if (def.type === 'record' && typeof key === 'string') child = def.valueType;
    else if (def.type === 'array' && typeof key === 'number') child = def.element;
    if (!child) return undefined;
    ({ inner, doc } = unwrap(child));
  }
  // An object of a discriminated union that the data has chosen, e.g. for its list of fields.
  const last = inner._zod.def as unknown as { type: string; options?: AnySchema[]; discriminator?: string };
  const option = last.type === 'union' && last.discriminator && last.options ? unionOption(last.options, last.discriminator, value, Symbol()) : undefined;
  return { schema: option ? unwrap(option).inner : inner, doc };
}
