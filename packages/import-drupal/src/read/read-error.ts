/**
 * An error meant for the person running the import: the message says what happened and what to do,
 * so the CLI prints it alone, without a stack trace.
 */
export class DrupalReadError extends Error {
  override name = 'DrupalReadError';
}
