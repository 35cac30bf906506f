const formats = new Map<string, Intl.DateTimeFormat>();

/** A UTC instant (`2026-03-29T17:00:00Z`) as a clock shows it in `timeZone`: `2026-03-29T19:00`. */
export function wallClock(instant: string, timeZone: string): string {
  const date = new Date(instant.endsWith('Z') || /[+-]\d\d:?\d\d$/.test(instant) ? instant : `${instant}Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`"${instant}" is not a date`);
  const parts = Object.fromEntries(
    formatIn(timeZone)
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The calendar day of a Unix time (seconds) in `timeZone`: `2026-03-29`. */
export function dayOf(seconds: number, timeZone: string): string {
  return wallClock(new Date(seconds * 1000).toISOString(), timeZone).slice(0, 10);
}

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}
