import { describe, expect, it } from 'vitest';
import { icalIso, utcIso, wallClock, zonedToUtcIso } from './dates.ts';

describe('dates', () => {
  it('reads Drupal datetime and iCalendar values', () => {
    expect(utcIso('2026-10-13 23:00:00')).toBe('2026-10-13T23:00:00Z');
    expect(icalIso('20261224T050000Z')).toBe('2026-12-24T05:00:00Z');
    expect(icalIso('20261224')).toBe('2026-12-24');
  });

  it('converts across a daylight-saving change', () => {
    expect(wallClock('2026-10-27T23:00:00Z', 'America/Toronto')).toEqual({ date: '2026-10-27', time: '19:00:00' });
    expect(wallClock('2026-11-04T00:00:00Z', 'America/Toronto')).toEqual({ date: '2026-11-03', time: '19:00:00' });
    expect(zonedToUtcIso('2026-10-27 19:00:00', 'America/Toronto')).toBe('2026-10-27T23:00:00Z');
    expect(zonedToUtcIso('2026-11-03 19:00:00', 'America/Toronto')).toBe('2026-11-04T00:00:00Z');
  });
});
