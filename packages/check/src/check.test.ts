import { describe, expect, test } from 'vitest';
import { onceMoreIfTimedOut } from './check.ts';

/** A visit that gives `results` in turn, counting how often it is made. */
function visits(...results: (string | undefined)[][]) {
  let made = 0;
  return {
    visit: async () => results[made++] ?? [],
    made: () => made,
  };
}

describe('a page visit that ran out of time', () => {
  test('is made once more, and its second result stands', async () => {
    const page = visits(['pressing "Show map" did not work: locator.waitFor: Timeout 10000ms exceeded.'], []);
    expect(await onceMoreIfTimedOut(page.visit, (problems) => problems)).toEqual([]);
    expect(page.made()).toBe(2);
  });

  test('is made twice at most: a page that times out again is reported', async () => {
    const timedOut = 'page.goto: Timeout 30000ms exceeded.';
    const page = visits([timedOut], [timedOut], []);
    expect(await onceMoreIfTimedOut(page.visit, (problems) => problems)).toEqual([timedOut]);
    expect(page.made()).toBe(2);
  });

  test('is not made again when anything else went wrong too, or nothing did', async () => {
    const broken = visits(['page.goto: Timeout 30000ms exceeded.', 'script-src-elem refused inline code']);
    await onceMoreIfTimedOut(broken.visit, (problems) => problems);
    expect(broken.made()).toBe(1);
    const fine = visits([undefined]);
    await onceMoreIfTimedOut(fine.visit, (problems) => problems);
    expect(fine.made()).toBe(1);
  });
});
