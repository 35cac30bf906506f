/**
 * How long each of the kit's phases of a build takes, for the benchmark (scripts/bench): with
 * `OPENOUTREACH_TIMINGS=<file>` in the environment, one JSON line per phase is appended to that
 * file, `{"phase":"checks","start":<ms since the epoch>,"end":<ms>}`. Without it, nothing is
 * written. A phase that runs more than once writes a line each time.
 */
import { appendFileSync } from 'node:fs';

/** The environment variable naming the timings file. */
export const TIMINGS_VARIABLE = 'OPENOUTREACH_TIMINGS';

/** Appends one phase to the timings file, if the environment names one. */
export function recordPhase(phase: string, start: number, end = Date.now()): void {
  const file = process.env[TIMINGS_VARIABLE];
  if (file) appendFileSync(file, `${JSON.stringify({ phase, start, end })}\n`);
}

/** Runs `work` as the phase `phase`, recording how long it took (also when it throws). */
export function timed<T>(phase: string, work: () => T): T {
  const start = Date.now();
  try {
    return work();
  } finally {
    recordPhase(phase, start);
  }
}

/** {@link timed} for work that returns a promise: the phase ends when it settles. */
export async function timedAsync<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await work();
  } finally {
    recordPhase(phase, start);
  }
}

/** Each overlapping phase's parts still running, and when its first part started. */
const overlapping = new Map<string, { running: number; start: number }>();

/**
 * Records work that runs in overlapping parts (the content layer loads its collections at once)
 * as one phase: from the start of the first part running to the end of the last one, so the
 * parts are not counted twice.
 */
export async function timedOverlapping<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const parts = overlapping.get(phase) ?? { running: 0, start: Date.now() };
  parts.running += 1;
  overlapping.set(phase, parts);
  try {
    return await work();
  } finally {
    parts.running -= 1;
    if (!parts.running) {
      overlapping.delete(phase);
      recordPhase(phase, parts.start);
    }
  }
}
