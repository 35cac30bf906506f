/** A failure the person running the import can act on: its message says what happened and what to do. No stack trace is shown. */
export class ImportError extends Error {
  /** 1: the import failed; 2: nothing was done (bad arguments, not a site). */
  readonly exitCode: 1 | 2;

  constructor(message: string, exitCode: 1 | 2 = 1) {
    super(message);
    this.name = 'ImportError';
    this.exitCode = exitCode;
  }
}
