import type { VFile } from 'vfile';

/**
 * A text the pipeline adds to a page: one string, or one chosen for the file being rendered,
 * so that a multilingual site labels each page in its own language.
 */
export type Label = string | ((file: VFile) => string);

export const labelIn = (label: Label, file: VFile): string => (typeof label === 'function' ? label(file) : label);

/**
 * `label` with each `{name}` placeholder replaced by its value, taken literally: a value such as
 * "Costs $&" is text from content, and `String.replace` with a string would read `$&`, `$'` and
 * `` $` `` in it as patterns. A placeholder without a value stays as it is.
 */
export function fillLabel(label: string, values: Record<string, string>): string {
  return label.replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.hasOwn(values, name) ? values[name]! : placeholder));
}
