import { addressFix, addressKindsOf, addressPattern, describeSchema } from '@openoutreach/core';
import type { z } from 'zod';

/** A Decap CMS field, as written in its config. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  options?: { label: string; value: string }[];
  multiple?: boolean;
  fields?: CmsField[];
  field?: CmsField;
  /** The kinds of item of a typed list, each an object whose `typeKey` field names its kind. */
  types?: CmsField[];
  typeKey?: string;
  collapsed?: boolean;
  pattern?: [string, string];
  value_type?: string;
  date_format?: string;
  time_format?: string | boolean;
  format?: string;
  picker_utc?: boolean;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  allow_add?: boolean;
  summary?: string;
  media_folder?: string;
  public_folder?: string;
  choose_url?: boolean;
  i18n?: boolean | 'duplicate';
}

/** Widgets whose value is words, which each language writes for itself. */
const TRANSLATED_WIDGETS = new Set(['string', 'text', 'markdown']);
// A list of tags is words too.

/**
 * Marks fields for Decap's i18n on a multilingual site: words are translated, everything else
 * (dates, images, places, choices) is copied from the main language when a translation starts.
 */
export function withI18n(fields: CmsField[]): CmsField[] {
  return fields.map((field) => {
    const fields = field.fields && withI18n(field.fields);
    const inner = field.field && withI18n([field.field])[0];
    const types = field.types && withI18n(field.types);
    // Decap accepts only true or false on a group; its fields say what is copied.
    const isGroup = !!(fields || inner || types) || field.widget === 'list' || field.widget === 'object';
    return {
      ...field,
      ...(fields ? { fields } : {}),
      ...(inner ? { field: inner } : {}),
      ...(types ? { types } : {}),
      i18n: isGroup || TRANSLATED_WIDGETS.has(field.widget) ? true : 'duplicate',
    };
  });
}

type AnySchema = z.core.$ZodType;

/** "postalCode" → "Postal code": a readable label for fields without documentation. */
export function labelFromName(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A day picker that writes `YYYY-MM-DD`, the form of date fields. */
const DAY_PICKER = { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true } as const;

/**
 * A day and time picker for wall-clock times (`YYYY-MM-DDTHH:mm`): shown and written in the
 * event's own clock time, never converted to UTC or to the editor's zone.
 */
const WALL_CLOCK_PICKER = { widget: 'datetime', format: 'YYYY-MM-DDTHH:mm', picker_utc: false } as const;

/** An image with its description: an object of exactly `src` and `alt`. */
const isImageWithAlt = (shape: Record<string, AnySchema> | undefined) => !!shape && Object.keys(shape).sort().join() === 'alt,src';

/** Options that shape one field's editing, passed down from the collection. */
export interface FieldContext {
  /** Where uploads go, relative to the entry (Decap's collection-relative media folder). */
  mediaFolder: string;
  /** How deep nested objects may go; recursive schemas (nested menus) stop here. */
  depth?: number;
}

const MAX_DEPTH = 4;

/**
 * The Decap field that edits `schema`. Labels, hints and examples come from the schema's
 * documentation; required-ness and defaults from its optional/default wrappers; the widget from
 * its type. The same schema validates the build, so what the CMS accepts, the build accepts.
 */
export function cmsField(name: string, schema: AnySchema, context: FieldContext): CmsField {
  const node = describeSchema(schema);
  const { doc, optional, defaultValue } = node;
  const base: CmsField = {
    name,
    label: doc?.title ?? labelFromName(name),
    widget: 'string',
    ...(optional ? { required: false } : {}),
    ...(doc?.description ? { hint: doc.description } : {}),
  };
  const withDefault = (field: CmsField): CmsField =>
    defaultValue !== undefined && !(Array.isArray(defaultValue) && defaultValue.length === 0) && typeof defaultValue !== 'object'
      ? { ...field, default: defaultValue }
      : field;

  if (doc?.cms?.widget === 'relation') {
    // The value is the entry's slug (its file name), which translations share on a multilingual site.
    const shown = doc.cms.displayField ?? 'title';
    // On a list of slugs (a home page's featured projects), editors pick several in order.
    const multiple = node.type === 'array' ? { multiple: true } : {};
    return {
      ...base,
      widget: 'relation',
      collection: doc.cms.collection,
      value_field: '{{slug}}',
      search_fields: [shown],
      display_fields: [shown],
      ...multiple,
    };
  }
  if (doc?.cms?.widget === 'file') {
    // An upload lands beside the collection's images; "insert from URL" takes a web address instead.
    return { ...base, widget: 'file', choose_url: true, media_folder: context.mediaFolder, public_folder: context.mediaFolder };
  }
  if (doc?.cms?.widget === 'image') {
    return { ...base, widget: 'image', choose_url: false, media_folder: context.mediaFolder, public_folder: context.mediaFolder };
  }
  if (doc?.cms?.widget === 'time-zone') {
    const zones = Intl.supportedValuesOf('timeZone');
    return withDefault({
      ...base,
      widget: 'select',
      options: ['UTC', ...zones.filter((zone) => zone !== 'UTC')].map((zone) => ({ label: zone.replace(/_/g, ' '), value: zone })),
    });
  }
  if (doc?.cms?.widget === 'datetime') return { ...base, ...WALL_CLOCK_PICKER };
  if (node.date) return { ...base, ...DAY_PICKER };
  if (isImageWithAlt(node.shape)) {
    const shape = node.shape!;
    // Decap validates the children of an optional object even when it is left empty
    // (decaporg/decap-cms#7748), so the children are required only when the image is.
    const childContext = optional ? { required: false } : {};
    return {
      ...base,
      // An object widget that requires the description once an image is chosen (admin/image-with-alt.ts).
      widget: 'image-with-alt',
      collapsed: false,
      fields: [
        {
          ...cmsField('src', shape.src!, context),
          widget: 'image',
          choose_url: false,
          media_folder: context.mediaFolder,
          public_folder: context.mediaFolder,
          ...childContext,
        },
        { ...cmsField('alt', shape.alt!, context), ...childContext },
      ],
    };
  }
  switch (node.type) {
    case 'string': {
      // An address field: Decap checks it as the editor types; the build's check decides.
      const address = addressKindsOf(node.inner);
      const pattern: CmsField['pattern'] = address && [addressPattern(address), addressFix(address).replace(/^w/, 'W')];
      return withDefault({ ...base, widget: doc?.cms?.widget === 'text' ? 'text' : 'string', ...(pattern ? { pattern } : {}) });
    }
    case 'number':
      return withDefault({ ...base, widget: 'number', value_type: node.integer ? 'int' : 'float' });
    case 'boolean':
      return { ...base, widget: 'boolean', default: defaultValue ?? false };
    case 'enum': {
      const values = (node.values ?? []).map(String);
      return withDefault({ ...base, widget: 'select', options: values.map((value) => ({ label: labelFromName(value.replace(/-/g, ' ')), value })) });
    }
    case 'object': {
      // Decap validates the children of an optional object even when it is left empty
      // (decaporg/decap-cms#7748), so they are required only when the object is.
      const fields = cmsFields(node.inner, context).map((field) => (optional ? { ...field, required: false } : field));
      return { ...base, widget: 'object', collapsed: false, fields };
    }
    case 'array': {
      const element = describeSchema(node.element!);
      if (element.type === 'object') {
        return { ...base, widget: 'list', fields: cmsFields(element.inner, context), ...(optional ? { required: false } : {}) };
      }
      if (element.discriminator && element.options) {
        return { ...base, ...typedList(element.discriminator, element.options, context), ...(optional ? { required: false } : {}) };
      }
      if (element.date) {
        const { label, hint } = base;
        return { ...base, widget: 'list', field: { name: 'day', label, ...(hint ? { hint } : {}), ...DAY_PICKER } };
      }
      if (element.type === 'number') {
        // Decap's plain list writes text; a number field keeps amounts numbers.
        return { ...base, widget: 'list', field: { name: 'value', label: base.label, widget: 'number', value_type: element.integer ? 'int' : 'float' } };
      }
      if (element.type === 'enum') {
        return { ...base, widget: 'select', multiple: true, options: (element.values ?? []).map(String).map((value) => ({ label: value, value })) };
      }
      return { ...base, widget: 'list', allow_add: true };
    }
    default:
      return withDefault(base);
  }
}

/**
 * Decap's typed list for a list of a discriminated union (the home page's blocks): editors add
 * items by kind, each kind an object with its own fields, and Decap writes the kind's name in
 * the `typeKey` field.
 */
function typedList(typeKey: string, options: AnySchema[], context: FieldContext): Pick<CmsField, 'widget' | 'typeKey' | 'types'> {
  const types = options.map((option) => {
    const { inner, doc, shape } = describeSchema(option);
    const name = String(describeSchema(shape![typeKey]!).values![0]);
    return {
      name,
      label: doc?.title ?? labelFromName(name.replace(/-/g, ' ')),
      widget: 'object',
      ...(doc?.description ? { hint: doc.description } : {}),
      fields: cmsFields(inner, context).filter((field) => field.name !== typeKey),
    };
  });
  return { widget: 'list', typeKey, types };
}

/** The fields of an object schema, in its order. */
export function cmsFields(schema: AnySchema, context: FieldContext): CmsField[] {
  const shape = describeSchema(schema).shape ?? {};
  const depth = (context.depth ?? 0) + 1;
  return Object.entries(shape)
    .filter(([, child]) => depth < MAX_DEPTH || !['array', 'object'].includes(describeSchema(child).type))
    .map(([name, child]) => cmsField(name, child, { ...context, depth }));
}
