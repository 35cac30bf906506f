/** Drupal's `2026-10-13 23:00:00` (UTC) → `2026-10-13T23:00:00Z`. */
export function utcIso(value: string): string {
  return `${value.replace(' ', 'T').slice(0, 19)}Z`;
}

/** An iCalendar date(-time) from an EXDATE/RDATE line → `2026-12-24T05:00:00Z`, or `2026-12-24` for a date. */
export function icalIso(value: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value.trim());
  if (!match) return value.trim();
  const [, y, m, d, h, min, s, z] = match;
  return h ? `${y}-${m}-${d}T${h}:${min}:${s}${z}` : `${y}-${m}-${d}`;
}

/** Wall-clock parts of an instant in a time zone. */
export function wallClock(iso: string, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
}

/** A wall-clock `2026-10-13 19:00:00` in `timeZone` → its UTC ISO instant (for date fields stored without a zone). */
export function zonedToUtcIso(value: string, timeZone: string): string {
  const guess = Date.parse(utcIso(value));
  const offset = (ms: number) => {
    const { date, time } = wallClock(new Date(ms).toISOString(), timeZone);
    return Date.parse(`${date}T${time}Z`) - ms;
  };
  const first = guess - offset(guess);
  return new Date(guess - offset(first)).toISOString().replace('.000Z', 'Z');
}
