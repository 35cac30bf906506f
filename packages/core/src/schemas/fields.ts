import { z } from 'zod';
import { parseStrictDate } from '../dates.ts';
import { addressField, addressKindsOf, LINK_KINDS } from './web-address.ts';

export * from './web-address.ts';

/**
 * Builds the schema of an image reference. Astro passes its `image()` helper so that the path is
 * resolved and optimised; everywhere else (the CMS, checks) an image is a path string.
 */
export type ImageFactory = () => z.ZodType;

/** An image given as a path relative to the content file, e.g. `../../assets/news/fair.jpg`. */
export const imagePath: ImageFactory = () => z.string().trim().min(1, { error: 'give the path of the image file' });

/** Field documentation shared by validation errors, the CMS and the docs. */
export interface FieldDoc {
  /** A short label a non-technical editor understands. */
  title: string;
  /** One sentence of help, shown as the CMS hint and in error messages. */
  description: string;
  /** A value that would be valid, shown in the fix of an error message. */
  examples?: unknown[];
  /**
   * How the CMS edits the field when its type alone does not say: `text` for several lines,
   * `image` for an upload, `time-zone` for a list of time zones, `datetime` for a day and a
   * time of day on the wall clock (no time zone), `relation` to pick another entry (`collection`
   * names it, `displayField` is the field editors search and see, `title` unless given; the value
   * written is the entry's slug), `file` for an uploaded document or a web address.
   */
  cms?:
    | { widget: 'text' }
    | { widget: 'image' }
    | { widget: 'file' }
    | { widget: 'time-zone' }
    | { widget: 'datetime' }
    | { widget: 'relation'; collection: string; displayField?: string };
}

/** Attaches editor-facing documentation to a schema. */
export function documented<T extends z.ZodType>(schema: T, doc: FieldDoc): T {
  // An address field's kinds (web-address.ts) stay with it, for the CMS's check.
  const address = addressKindsOf(schema);
  return schema.meta({ ...(address ? { address } : {}), ...doc } as unknown as Record<string, unknown>) as T;
}

/**
 * A calendar date or a date and time. Accepts what YAML gives (a Date) or a string such as
 * `2026-05-01` or `2026-05-01T18:30:00+02:00`, and rejects impossible dates such as `2026-02-30`
 * rather than rolling them over.
 */
export const dateField = () =>
  z.union([z.date(), z.string()]).transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'this is not a real date' });
        return z.NEVER;
      }
      return value;
    }
    const date = parseStrictDate(value);
    if (!date) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a real date; write it as YYYY-MM-DD, e.g. 2026-05-01`,
      });
      return z.NEVER;
    }
    return date;
  });

/** An image with the text that describes it to people who cannot see it. */
export const imageWithAlt = (image: ImageFactory) =>
  z.strictObject({
    src: documented(image(), {
      title: 'Image',
      description: 'Upload a photo (JPEG, PNG, WebP, AVIF or GIF) or pick one from the media library. An SVG drawing is refused here.',
      examples: ['../../assets/news/spring-fair.jpg'],
    }),
    alt: documented(
      z
        .string({ error: 'describe the image in a few words for people who cannot see it' })
        .trim()
        .min(1, { error: 'describe the image in a few words for people who cannot see it' }),
      {
        title: 'Image description (alt text)',
        description: 'Describe what the image shows for people who use a screen reader, e.g. "Volunteers planting tomatoes".',
        examples: ['Volunteers planting tomatoes in the community garden'],
      },
    ),
  });

/** A lower-case, hyphenated identifier usable in a URL. */
export const slugField = () =>
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'use lower-case letters, digits and hyphens only, e.g. "about-us"',
  });

/**
 * A link: a path on this site (starting with a single `/`), `#` and a heading's id, a full
 * `https://` or `http://` address, `mailto:` or `tel:`. Anything else is refused (see
 * `addressProblem()` in web-address.ts).
 */
export const hrefField = () => addressField(LINK_KINDS);

/**
 * `value` without blank text, nulls, and the objects and list items left empty by them. The CMS
 * writes `author: ""` when an editor clears a field, and a cleared optional field must mean
 * "not given", never a broken build.
 */
export function dropBlanks(value: unknown): unknown {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  if (Array.isArray(value)) return value.map(dropBlanks).filter((item) => item !== undefined);
  if (typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => [key, dropBlanks(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/** A content or settings schema that reads cleared fields as absent (see `dropBlanks`). */
export function withoutBlanks<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => dropBlanks(value) ?? {}, schema);
}

/** Whether an entry is a draft: kept in the site's files and the CMS, never published. */
export const draftField = () =>
  documented(z.boolean().default(false), {
    title: 'Draft',
    description: 'Drafts are kept but not published.',
    examples: [false],
  });

/**
 * The project or campaign an entry belongs to, by its file name: the project's page lists the
 * entry, and the CMS offers the site's projects to pick from.
 * @param description what the relation means for this kind of entry
 */
export const projectField = (description: string) =>
  documented(slugField().optional(), {
    title: 'Project',
    description,
    examples: ['safe-streets'],
    cms: { widget: 'relation', collection: 'projects' },
  });
