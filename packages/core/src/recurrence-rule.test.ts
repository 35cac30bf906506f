import { describe, expect, it } from 'vitest';
import { checkRecurrenceRule, untilWallClock, withUntil } from './recurrence-rule.ts';

describe('checkRecurrenceRule', () => {
  it.each([
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'],
    ['rrule:freq=monthly;byday=1sa', 'FREQ=MONTHLY;BYDAY=1SA'],
    [' FREQ=MONTHLY;BYDAY=-1FR ', 'FREQ=MONTHLY;BYDAY=-1FR'],
    ['FREQ=WEEKLY;COUNT=6', 'FREQ=WEEKLY;COUNT=6'],
    ['FREQ=WEEKLY;UNTIL=20270630', 'FREQ=WEEKLY;UNTIL=20270630'],
    ['FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=21', 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=21'],
  ])('accepts %j as %j', (text, rule) => {
    expect(checkRecurrenceRule(text)).toEqual({ ok: true, rule });
  });

  it.each([
    ['', 'the rule is empty'],
    ['every tuesday', '"EVERY TUESDAY" is not written as NAME=VALUE'],
    ['INTERVAL=2', 'does not say how often'],
    ['FREQ=FORTNIGHTLY', 'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY, not "FORTNIGHTLY"'],
    ['FREQ=HOURLY', 'FREQ must be'],
    ['FREQ=WEEKLY;INTERVAL=abc', 'INTERVAL must be a whole number from 1, not "ABC"'],
    ['FREQ=WEEKLY;INTERVAL=0', 'INTERVAL must be a whole number'],
    ['FREQ=WEEKLY;BYDAY=XX', '"XX" is not one'],
    ['FREQ=WEEKLY;BYDAY=TUE', '"TUE" is not one'],
    ['FREQ=YEARLY;BYMONTH=13', 'BYMONTH takes numbers from 1 to 12, not "13"'],
    ['FREQ=WEEKLY;FOO=1', '"FOO" is not a part of a recurrence rule'],
    ['FREQ=WEEKLY;FREQ=DAILY', 'FREQ is given twice'],
    ['FREQ=WEEKLY;COUNT=3;UNTIL=20270101', 'not both'],
    ['FREQ=WEEKLY;UNTIL=next year', 'UNTIL must be a day'],
    ['FREQ=WEEKLY;DTSTART=20260101T000000Z', 'leave DTSTART out'],
  ])('refuses %j, saying why', (text, reason) => {
    const checked = checkRecurrenceRule(text);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.reason).toContain(reason);
  });
});

describe('UNTIL', () => {
  it('reads a day as the whole day, a local or UTC time as given', () => {
    expect(untilWallClock('20270630')).toEqual({ wall: { year: 2027, month: 6, day: 30, hour: 23, minute: 59 }, utc: false });
    expect(untilWallClock('20270630T180000')?.wall.hour).toBe(18);
    expect(untilWallClock('20270630T180000Z')?.utc).toBe(true);
    expect(untilWallClock('20270231')).toBeUndefined();
  });

  it('is replaced or removed in a rule', () => {
    expect(withUntil('FREQ=WEEKLY;UNTIL=20270630;BYDAY=TU', '20270701')).toBe('FREQ=WEEKLY;BYDAY=TU;UNTIL=20270701');
    expect(withUntil('FREQ=WEEKLY;UNTIL=20270630', undefined)).toBe('FREQ=WEEKLY');
  });
});
