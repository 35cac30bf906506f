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

/** The schema (and its documentation) found at `path` inside `schema`. */
export function schemaAt(
  schema: AnySchema,
  path: readonly PropertyKey[],
): { schema: AnySchema; doc: Partial<FieldDoc> | undefined } | undefined {
  let { inner, doc } = unwrap(schema);
  for (const key of path) {
    const def = inner._zod.def as unknown as {
      type: string;
      shape?: Record<string, AnySchema>;
      element?: AnySchema;
      valueType?: AnySchema;
    };
    let child: AnySchema | undefined;
    if (def.type === 'object' && typeof key === 'string') child = def.shape?.[key];
    else if (def.type === 'record' && typeof key === 'string') child = def.valueType;
    else if (def.type === 'array' && typeof key === 'number') child = def.element;
    if (!child) return undefined;
    ({ inner, doc } = unwrap(child));
  }
  return { schema: inner, doc };
}
