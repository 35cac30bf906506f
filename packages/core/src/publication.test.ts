import { describe, expect, it } from 'vitest';
import { buildClock, buildDateProblem, buildDateProblems, isAnnouncementShown, isDue } from './publication.ts';

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe('buildClock', () => {
  it('is the real time, to the second, when OPENOUTREACH_BUILD_DATE is not set', () => {
    const clock = buildClock(undefined, 'America/Toronto', new Date('2026-05-01T03:30:12.345Z'));
    // 03:30 UTC is still 30 April in Toronto.
    expect(clock).toEqual({ now: new Date('2026-05-01T03:30:12Z'), today: '2026-04-30' });
  });

  it('has nothing to say about an unset or empty variable', () => {
    expect(buildDateProblems({})).toEqual([]);
    expect(buildDateProblems({ OPENOUTREACH_BUILD_DATE: ' ' })).toEqual([]);
  });

  it('reads a day as its midnight on the site’s clock', () => {
    expect(buildClock('2026-05-01', 'America/Toronto')).toEqual({ now: new Date('2026-05-01T04:00:00Z'), today: '2026-05-01' });
    expect(buildClock('2026-05-01', 'Pacific/Auckland')).toEqual({ now: new Date('2026-04-30T12:00:00Z'), today: '2026-05-01' });
  });

  it('reads a time without offset on the site’s clock, and one with an offset as that instant', () => {
    expect(buildClock('2026-05-01T00:30', 'Europe/Paris').now).toEqual(new Date('2026-04-30T22:30:00Z'));
    expect(buildClock('2026-05-01T00:30:00Z', 'Europe/Paris')).toEqual({ now: new Date('2026-05-01T00:30:00Z'), today: '2026-05-01' });
    expect(buildClock('2026-04-30T23:30:00-04:00', 'Europe/Paris').today).toBe('2026-05-01');
  });

  it.each(['tomorrow', '2026-02-30', '2026-05-01 12', '1714521600'])('refuses %s, naming the variable and the fix', (value) => {
    expect(buildDateProblem(value)?.message).toBe(`OPENOUTREACH_BUILD_DATE="${value}" is not a date`);
    expect(buildDateProblems({ OPENOUTREACH_BUILD_DATE: value })).toEqual([
      expect.objectContaining({ file: 'the environment (OPENOUTREACH_BUILD_DATE)', message: `OPENOUTREACH_BUILD_DATE="${value}" is not a date` }),
    ]);
    expect(() => buildClock(value, 'UTC')).toThrow(/OPENOUTREACH_BUILD_DATE=".*" is not a date: set it to a day, e.g. OPENOUTREACH_BUILD_DATE=2026-05-01/);
  });
});

describe('isDue', () => {
  const toronto = 'America/Toronto';
  const on = (value: string) => buildClock(value, toronto);

  it('publishes a news post from the start of its day on the site’s clock', () => {
    const post = { date: day('2026-05-01') };
    expect(isDue('news', post, on('2026-04-30T23:59'))).toBe(false);
    expect(isDue('news', post, on('2026-05-01'))).toBe(true);
    // 02:00 UTC on 1 May is 22:00 on 30 April in Toronto: not yet.
    expect(isDue('news', post, buildClock('2026-05-01T02:00:00Z', toronto))).toBe(false);
    expect(isDue('news', post, on('2027-01-01'))).toBe(true);
  });

  it('publishes a post with a time of day from that moment', () => {
    const post = { date: new Date('2026-05-01T16:00:00Z') };
    expect(isDue('news', post, buildClock('2026-05-01T15:59:59Z', toronto))).toBe(false);
    expect(isDue('news', post, buildClock('2026-05-01T16:00:00Z', toronto))).toBe(true);
  });

  it('publishes an event from its publication date, and at once without one', () => {
    expect(isDue('events', { publishDate: day('2026-05-01') }, on('2026-04-30'))).toBe(false);
    expect(isDue('events', { publishDate: day('2026-05-01') }, on('2026-05-01'))).toBe(true);
    expect(isDue('events', {}, on('2000-01-01'))).toBe(true);
  });

  it('leaves other collections alone, whatever their dates', () => {
    expect(isDue('albums', { date: day('2030-01-01') }, on('2026-01-01'))).toBe(true);
  });
});

describe('isAnnouncementShown', () => {
  const zone = 'Europe/Berlin';
  const on = (value: string) => buildClock(value, zone);
  const banner = { start: day('2026-03-01'), end: day('2026-03-12') };

  it('shows the banner from its first day to the end of its last', () => {
    expect(isAnnouncementShown(banner, on('2026-02-28T23:59'))).toBe(false);
    expect(isAnnouncementShown(banner, on('2026-03-01'))).toBe(true);
    expect(isAnnouncementShown(banner, on('2026-03-12T23:59'))).toBe(true);
    expect(isAnnouncementShown(banner, on('2026-03-13'))).toBe(false);
  });

  it('shows a banner without days always, and one with only a start or an end on its side of it', () => {
    expect(isAnnouncementShown({}, on('1999-01-01'))).toBe(true);
    expect(isAnnouncementShown({ start: banner.start }, on('2040-01-01'))).toBe(true);
    expect(isAnnouncementShown({ end: banner.end }, on('2026-03-13'))).toBe(false);
  });
});
