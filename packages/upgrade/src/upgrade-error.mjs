// @ts-check

/**
 * A problem the person running the upgrade can fix. Its message says what happened and what to
 * do; it is printed as it is, without a stack trace.
 */
export class UpgradeError extends Error {
  /**
   * @param {string} message
   * @param {{ exitCode?: number }} [options] 2 when nothing was changed (bad arguments, a dirty
   *   repository), 1 when a step failed part-way.
   */
  constructor(message, { exitCode = 1 } = {}) {
    super(message);
    this.name = 'UpgradeError';
    this.exitCode = exitCode;
  }
}
