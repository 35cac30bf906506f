import { z } from 'zod';
import type { FieldDoc } from './schemas/fields.ts';

type AnySchema = z.core.$ZodType;

function metaOf(schema: AnySchema): Partial<FieldDoc> | undefined {
  return z.globalRegistry.get(schema) as Partial<FieldDoc> | undefined;
}

/** Steps through wrappers (optional, default, pipe…) collecting the first documentation found. */
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
          ? def.in
          : def.type === 'lazy'
            ? (def.getter as () => AnySchema)()
            : undefined;
    if (!next) break;
    current = next as AnySchema;
    doc ??= metaOf(current);
  }
  return { inner: current, doc };
}

/** The keys an object schema accepts, or an empty list. */
export function objectKeys(schema: AnySchema): string[] {
  const { inner } = unwrap(schema);
  const def = inner._zod.def as unknown as { type: string; shape?: Record<string, AnySchema> };
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
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
    };
    let child: AnySchema | undefined;
    if (def.type === 'object' && typeof key === 'string') child = def.shape?.[key];
    else if (def.type === 'array' && typeof key === 'number') child = def.element;
    if (!child) return undefined;
    ({ inner, doc } = unwrap(child));
  }
  return { schema: inner, doc };
}
