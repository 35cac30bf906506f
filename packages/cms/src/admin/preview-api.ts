/**
 * What a theme's CMS preview entry receives: the way to register Decap preview templates, React's
 * `createElement` to draw the theme's own markup with, and the site's language and labels.
 *
 * A theme names its entry in its package.json (`"openoutreach": { "cmsPreview": "./src/cms/previews.ts" }`);
 * the entry's default export is a `RegisterPreviews` function. Themes import only types from here.
 */
import type { CreateElement, Element, ImmutableValue, PreviewProps, PreviewTemplate } from './decap.ts';

export type { CreateElement, Element, ImmutableValue, PreviewProps, PreviewTemplate };

/** The site's wording for the previews, in its default language. */
export interface PreviewSettings {
  /** The site's default language (BCP 47), for dates. */
  locale: string;
  /** The content collections the CMS edits (`pages`, `news`, …). */
  collections: string[];
  /** The kit's UI strings a preview may show, by key (`events.when`, `events.register`, …). */
  labels: Record<string, string>;
}

export interface CmsPreviews {
  /** React's `createElement` (Decap's `h`): the theme's markup, element by element. */
  h: CreateElement;
  /** Shows `template` as the preview of every entry of `collection`. */
  register(collection: string, template: PreviewTemplate): void;
  settings: PreviewSettings;
  /** A label by key, or `fallback` when the page did not pass it. */
  label(key: string, fallback: string): string;
  /** A publication day (`2026-12-05`) in the site's language, e.g. "5 December 2026". */
  formatDay(value: unknown): string;
  /** A wall-clock time as an event gives it (`2026-12-05T18:30`, or a day alone), in the site's language, without time-zone conversion. */
  formatWallClock(value: unknown, allDay: boolean): string;
}

/** A theme's preview entry: its default export. */
export type RegisterPreviews = (cms: CmsPreviews) => void;

/** A value of the entry's data: `data(entry, 'location', 'name')`. */
export function data(entry: ImmutableValue, ...path: string[]): unknown {
  return entry.getIn(['data', ...path]);
}

/** The elements of a list field (tags, blocks), empty when it has none. */
export function listOf(value: unknown): unknown[] {
  return value && typeof (value as ImmutableValue).toArray === 'function' ? (value as ImmutableValue).toArray!() : [];
}

export function formatDay(value: unknown, locale: string): string {
  if (!value) return '';
  const date = new Date(value as string);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function formatWallClock(value: unknown, allDay: boolean, locale: string): string {
  if (!value) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 16) : String(value);
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(text);
  if (!match) return text;
  // Read as UTC and shown as UTC, so the wall-clock time stays as written.
  const date = new Date(`${match[1]}T${match[2] ?? '00:00'}:00Z`);
  const options: Intl.DateTimeFormatOptions =
    allDay || !match[2] ? { dateStyle: 'full', timeZone: 'UTC' } : { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** The API handed to a theme's preview entry. */
export function previewApi(h: CreateElement, register: (collection: string, template: PreviewTemplate) => void, settings: PreviewSettings): CmsPreviews {
  return {
    h,
    register,
    settings,
    label: (key, fallback) => settings.labels[key] ?? fallback,
    formatDay: (value) => formatDay(value, settings.locale),
    formatWallClock: (value, allDay) => formatWallClock(value, allDay, settings.locale),
  };
}
