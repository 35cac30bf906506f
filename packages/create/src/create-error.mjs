// @ts-check

/**
 * A problem the person running the command can fix. Its message says what happened and what to
 * do; it is printed as it is, without a stack trace.
 */
export class CreateError extends Error {
  /**
   * @param {string} message
   * @param {{ exitCode?: number }} [options] 2 when nothing was written (bad arguments, a folder
   *   in the way), 1 when a step failed part-way.
   */
  constructor(message, { exitCode = 1 } = {}) {
    super(message);
    this.name = 'CreateError';
    this.exitCode = exitCode;
  }
}
