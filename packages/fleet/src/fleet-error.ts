/**
 * A problem that stops the fleet tool before it can judge any site: a bad fleet file, option or
 * accept file, a candidate that cannot be packed or found. Its message is one line saying what
 * to do, printed without a stack; the command exits with 2.
 */
export class FleetError extends Error {
  override name = 'FleetError';
}

/**
 * A problem with one site (its checkout, install or build) that the run reports for that site
 * and goes on. `log` holds the command's whole output, for the report's log file.
 */
export class SiteError extends Error {
  override name = 'SiteError';
  readonly log: string | undefined;
  constructor(message: string, log?: string) {
    super(message);
    this.log = log;
  }
}
