// @ts-check

/**
 * When the daily rebuild runs, on the site's clock: 00:17, shortly after midnight so that posts
 * and events dated today appear early in the day, and off the hour, when CI schedulers are
 * busiest and start runs late.
 */
export const REBUILD_TIME = { hour: 0, minute: 17 };

/** Every time zone the kit accepts: the IANA names this Node knows, and UTC. */
export function isTimeZone(/** @type {string} */ zone) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/**
 * The daily rebuild as a cron line in UTC, for CI that knows no time zones (Forgejo Actions):
 * the UTC time of `REBUILD_TIME` at the zone's smallest offset from UTC over the coming year.
 * Where clocks change, that is 00:17 in winter time and 01:17 in summer time (and the reverse
 * in the southern hemisphere), never the evening before, so a post dated today is always
 * published on its date.
 * @param {string} timeZone an IANA time zone, e.g. America/Toronto
 * @param {Date} [from] the start of the year of offsets looked at
 * @returns {string} e.g. '17 5 * * *' for America/Toronto (UTC−5 in winter)
 */
export function dailyCronInUtc(timeZone, from = new Date()) {
  const offset = Math.min(...daysOfAYear(from).map((day) => offsetMinutes(timeZone, day)));
  const minutes = (((REBUILD_TIME.hour * 60 + REBUILD_TIME.minute - offset) % 1440) + 1440) % 1440;
  return `${minutes % 60} ${Math.floor(minutes / 60)} * * *`;
}

/**
 * The zone's offset from UTC at `instant`, in minutes (America/Toronto in July: −240).
 * @param {string} timeZone
 * @param {Date} instant
 */
export function offsetMinutes(timeZone, instant) {
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name ?? '');
  if (!match) return 0; // "GMT": UTC itself
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** @param {Date} from */
const daysOfAYear = (from) => Array.from({ length: 366 }, (_, day) => new Date(from.getTime() + day * 86_400_000));
