import type { VFile } from 'vfile';

/**
 * A text the pipeline adds to a page: one string, or one chosen for the file being rendered,
 * so that a multilingual site labels each page in its own language.
 */
export type Label = string | ((file: VFile) => string);

export const labelIn = (label: Label, file: VFile): string => (typeof label === 'function' ? label(file) : label);
