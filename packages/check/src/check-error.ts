/**
 * A problem that stops the check before it can judge the site (no Chromium, no Java, a bad
 * option or budgets file). Its message is one line saying what to do, printed without a stack.
 */
export class CheckError extends Error {
  override name = 'CheckError';
}
