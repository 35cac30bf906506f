import { formatProblems, type Problem } from '@openoutreach/core';
import type { AstroIntegrationLogger } from 'astro';

/**
 * Stops Astro with one readable message. Thrown errors from a hook are printed with a stack
 * trace, which tells a newbie nothing; so the message is logged and the process ends with
 * failure instead.
 */
export function stopWithProblems(problems: Problem[], logger: AstroIntegrationLogger): never {
  logger.error(`\n${formatProblems(problems)}\n`);
  process.exit(1);
}
