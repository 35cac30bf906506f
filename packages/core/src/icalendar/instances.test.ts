import { describe, expect, it } from 'vitest';
import type { EventTiming } from '../occurrences.ts';
import { formatWallClock } from '../wall-clock.ts';
import { HORIZON_YEARS, lastYearOf, skippedStarts, unclearStarts } from './instances.ts';

const STAMP = new Date('2026-03-01T12:00:00Z');
const texts = (walls: ReturnType<typeof skippedStarts>) => walls.map((wall) => formatWallClock(wall));

describe('skippedStarts', () => {
  it('gives every time of the rule on a skipped day, and none for a day the rule does not give', () => {
    const twiceDaily: EventTiming = {
      start: '2026-03-02T09:00',
      allDay: false,
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9,17', exceptions: ['2026-03-12', '2026-03-11', '2026-03-09'] },
    };
    expect(texts(skippedStarts(twiceDaily))).toEqual(['2026-03-09T09:00', '2026-03-09T17:00', '2026-03-12T09:00', '2026-03-12T17:00']);
  });

  it('gives the day of an all-day event', () => {
    const yearly: EventTiming = { start: '2026-06-21', allDay: true, recurrence: { rule: 'FREQ=YEARLY', exceptions: ['2027-06-21'] } };
    expect(texts(skippedStarts(yearly))).toEqual(['2027-06-21T00:00']);
  });
});

describe('unclearStarts', () => {
  it('finds the occurrences that begin or end in a skipped or repeated hour, less the skipped days', () => {
    const nightly: EventTiming = {
      start: '2026-03-01T01:30',
      end: '2026-03-01T02:15',
      allDay: false,
      recurrence: { rule: 'FREQ=DAILY;BYHOUR=1,2;BYMINUTE=30;UNTIL=20261231', exceptions: ['2026-10-25'] },
    };
    // Paris: 02:00 to 03:00 is skipped on 29 March, repeated on 25 October (a skipped day here).
    expect(texts(unclearStarts(nightly, 'Europe/Paris', 2026))).toEqual(['2026-03-29T01:30', '2026-03-29T02:30']);
  });

  it('finds the occurrences that last across a change', () => {
    const overnight: EventTiming = {
      start: '2026-03-07T22:00',
      end: '2026-03-08T06:00',
      allDay: false,
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=SA;UNTIL=20261231', exceptions: [] },
    };
    expect(texts(unclearStarts(overnight, 'Europe/Paris', 2026))).toEqual(['2026-03-28T22:00', '2026-10-24T22:00']);
  });

  it('finds nothing in a zone without changes', () => {
    const nightly: EventTiming = { start: '2026-03-01T02:30', allDay: false, recurrence: { rule: 'FREQ=DAILY', exceptions: [] } };
    expect(unclearStarts(nightly, 'Asia/Kolkata', 2036)).toEqual([]);
  });
});

describe('lastYearOf', () => {
  it('is the year of the last occurrence, or the horizon for a rule without end', () => {
    expect(lastYearOf({ start: '2026-12-31T23:00', end: '2027-01-01T01:00', allDay: false }, STAMP)).toBe(2027);
    expect(lastYearOf({ start: '2026-03-03T18:00', allDay: false, recurrence: { rule: 'FREQ=MONTHLY;COUNT=30', exceptions: [] } }, STAMP)).toBe(2028);
    expect(lastYearOf({ start: '2026-03-03T18:00', allDay: false, recurrence: { rule: 'FREQ=WEEKLY', exceptions: [] } }, STAMP)).toBe(2026 + HORIZON_YEARS);
    expect(lastYearOf({ start: '2030-03-03T18:00', allDay: false, recurrence: { rule: 'FREQ=WEEKLY', exceptions: [] } }, STAMP)).toBe(2030 + HORIZON_YEARS);
  });
});
