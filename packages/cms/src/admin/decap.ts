/**
 * The parts of Decap CMS the admin script uses, as Decap's bundle (decap-cms.js, loaded before
 * this script) puts them on `window`: the CMS itself, React's `createElement` as `h`, and
 * `createClass` for a widget's control.
 */

/** A React element, opaque to the kit: made by `h`, rendered by Decap. */
export type Element = unknown;

/** React's `createElement`, which Decap shares as `window.h`. */
export type CreateElement = (type: string | ((props: never) => Element), props?: Record<string, unknown> | null, ...children: unknown[]) => Element;

/** An Immutable.js value as Decap hands an entry or a field's value to a preview. */
export interface ImmutableValue {
  get(key: string): unknown;
  getIn(path: (string | number)[]): unknown;
  toArray?(): unknown[];
  readonly size?: number;
}

/** What Decap gives a preview template each time the entry changes. */
export interface PreviewProps {
  entry: ImmutableValue;
  /** The rendered widget of a field (the Markdown body, for instance). */
  widgetFor(field: string): Element;
  /** The URL of a media file, as the entry names it. */
  getAsset(path: string): { toString(): string };
}

export type PreviewTemplate = (props: PreviewProps) => Element;

interface Widget {
  control: unknown;
  preview: unknown;
}

/** Decap's registry, `window.CMS`. */
export interface DecapCms {
  registerPreviewStyle(style: string, options?: { raw: boolean }): void;
  registerPreviewTemplate(collection: string, template: PreviewTemplate): void;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  getWidget(name: string): Widget;
}

interface DecapWindow {
  CMS?: DecapCms;
  h?: CreateElement;
  createClass?: (spec: Record<string, unknown>) => unknown;
}

/** Decap's globals, or a clear error if decap-cms.js did not load before the admin script. */
export function decapGlobals(): Required<DecapWindow> {
  const globals = window as unknown as DecapWindow;
  if (!globals.CMS || !globals.h || !globals.createClass) {
    throw new Error('Open Outreach admin: Decap CMS (admin/decap-cms.js) must load before the admin script.');
  }
  return globals as Required<DecapWindow>;
}
