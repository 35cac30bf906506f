import { z } from 'zod';
import { ruleStartsAtStart } from '../occurrences.ts';
import { compareWallClocks, formatWallClock, parseWallClock } from '../wall-clock.ts';
import { calendarDayField, recurrenceRuleField, timeZoneField, wallClockField } from './event-fields.ts';
import {
  addressField,
  dateField,
  documented,
  draftField,
  type ImageFactory,
  imagePath,
  imageWithAlt,
  projectField,
  WEB_KINDS,
  withoutBlanks,
} from './fields.ts';

const httpsUrl = (error: string) => addressField(WEB_KINDS, error);

const location = z.strictObject({
  name: documented(z.string().trim().optional(), {
    title: 'Place',
    description: 'The name of the place, e.g. "Maple Street Library".',
    examples: ['Maple Street Library'],
  }),
  address: documented(z.string().trim().optional(), {
    title: 'Address',
    description: 'The street address, so people can find it.',
    examples: ['12 Maple Street, Springfield'],
  }),
  latitude: documented(
    z
      .number({ error: 'write the latitude as a number, e.g. 43.6532' })
      .min(-90, { error: 'a latitude is between -90 and 90' })
      .max(90, { error: 'a latitude is between -90 and 90' })
      .optional(),
    {
      title: 'Latitude',
      description: 'For the map: north–south position in degrees, e.g. 43.6532 (on openstreetmap.org, right-click the place and choose "Show address").',
      examples: [43.6532],
    },
  ),
  longitude: documented(
    z
      .number({ error: 'write the longitude as a number, e.g. -79.3832' })
      .min(-180, { error: 'a longitude is between -180 and 180' })
      .max(180, { error: 'a longitude is between -180 and 180' })
      .optional(),
    {
      title: 'Longitude',
      description: 'For the map: east–west position in degrees, e.g. -79.3832 (negative west of Greenwich).',
      examples: [-79.3832],
    },
  ),
});

/**
 * An event: a meeting, a clean-up, a festival; once, or repeating by a rule. Times are written on
 * the wall clock of the event's time zone (the site's unless `timeZone` says otherwise), so that
 * a meeting at 18:00 stays at 18:00 when daylight-saving time begins or ends.
 */
export function eventSchema({ image = imagePath }: { image?: ImageFactory } = {}) {
  return withoutBlanks(
    z
      .strictObject({
        title: documented(z.string({ error: 'every event needs a title' }).trim().min(1), {
          title: 'Title',
          description: 'The name of the event.',
          examples: ['Street clean-up'],
        }),
        summary: documented(z.string().trim().optional(), {
          title: 'Summary',
          description: 'One or two sentences shown in the list of events and in calendars.',
          examples: ['Gloves, bags and coffee provided.'],
          cms: { widget: 'text' },
        }),
        start: documented(wallClockField(), {
          title: 'Starts',
          description: 'The day and time it starts, as a clock shows them where the event is, e.g. 2026-12-05T18:30. For an all-day event, the day alone.',
          examples: ['2026-12-05T18:30'],
          cms: { widget: 'datetime' },
        }),
        end: documented(wallClockField().optional(), {
          title: 'Ends',
          description: 'The day and time it ends (for a repeating event, the end of the first time). For an all-day event, its last day.',
          examples: ['2026-12-05T20:30'],
          cms: { widget: 'datetime' },
        }),
        allDay: documented(z.boolean().default(false), {
          title: 'All day',
          description: 'The event lasts whole days; times of day are then left out.',
          examples: [false],
        }),
        timeZone: documented(timeZoneField().optional(), {
          title: 'Time zone',
          description: 'Only if the event is in another time zone than the site, e.g. an online meeting hosted elsewhere.',
          examples: ['America/Toronto'],
          cms: { widget: 'time-zone' },
        }),
        recurrence: documented(
          z.preprocess(
            // The CMS keeps an empty list of skipped days when an editor clears the rule.
            (value) => (isClearedRecurrence(value) ? undefined : value),
            z
              .strictObject({
                rule: documented(recurrenceRuleField(), {
                  title: 'Repeat rule',
                  description:
                    'How it repeats, as an iCalendar rule: FREQ=WEEKLY;INTERVAL=2;BYDAY=TU is every second Tuesday, FREQ=MONTHLY;BYDAY=1SA the first Saturday of each month.',
                  examples: ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'],
                }),
                exceptions: documented(z.array(calendarDayField()).default([]), {
                  title: 'Skipped days',
                  description: 'Days the event does not take place although the rule says so, e.g. a holiday.',
                  examples: [['2026-12-22']],
                }),
              })
              .optional(),
          ),
          {
            title: 'Repeats',
            description: 'For an event that takes place again and again; the start is the first time.',
            examples: [{ rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', exceptions: ['2026-12-22'] }],
          },
        ),
        location: documented(location.optional(), {
          title: 'Location',
          description: 'Where it takes place. With a latitude and longitude, the event page links to a map.',
          examples: [{ name: 'Maple Street Library', address: '12 Maple Street', latitude: 43.6532, longitude: -79.3832 }],
        }),
        online: documented(httpsUrl('give the full address of the online meeting, starting with https://').optional(), {
          title: 'Online meeting link',
          description: 'The address where people join online, if they can.',
          examples: ['https://meet.example.org/maple-street'],
        }),
        registration: documented(httpsUrl('give the full address of the sign-up page, starting with https://').optional(), {
          title: 'Registration link',
          description: 'Where people sign up, if they need to.',
          examples: ['https://forms.example.org/clean-up'],
        }),
        cost: documented(z.string().trim().optional(), {
          title: 'Cost',
          description: 'What it costs to take part, in words, e.g. "Free" or "$5, free for members".',
          examples: ['Free'],
        }),
        image: documented(imageWithAlt(image).optional(), {
          title: 'Image',
          description: 'A photo or poster shown with the event.',
          examples: [{ src: '../../assets/events/clean-up.jpg', alt: 'Neighbours with rakes and bags' }],
        }),
        tags: documented(z.array(z.string().trim().min(1)).default([]), {
          title: 'Tags',
          description: 'Topics that group related events, e.g. "volunteering".',
          examples: [['volunteering']],
        }),
        project: projectField('The project or campaign the event is part of; the project’s page then lists it.'),
        publishDate: documented(dateField().optional(), {
          title: 'Publish on',
          description:
            'Only to announce the event later: the day it appears on the site, as YYYY-MM-DD. It appears with the first rebuild of the site on or after that day (the daily scheduled rebuild does that, shortly after midnight in the site’s time zone). Leave it empty to publish the event at once.',
          examples: ['2026-11-01'],
        }),
        draft: draftField(),
      })
      .superRefine(checkTiming)
      .superRefine(checkCoordinates)
      .transform((event) => (event.allDay ? { ...event, start: event.start.slice(0, 10), ...(event.end ? { end: event.end.slice(0, 10) } : {}) } : event)),
  );
}

function isClearedRecurrence(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const { rule, exceptions } = value as { rule?: unknown; exceptions?: unknown };
  return rule === undefined && (exceptions === undefined || (Array.isArray(exceptions) && exceptions.length === 0));
}

type CheckedFields = { start: string; end?: string | undefined; allDay: boolean; recurrence?: { rule: string; exceptions: string[] } | undefined };

/** Times of day where needed, the end after the start, and a rule whose first day is the start. */
function checkTiming(event: CheckedFields, ctx: z.RefinementCtx): void {
  const start = parseWallClock(event.start)!;
  const end = event.end ? parseWallClock(event.end) : undefined;
  let timesOk = true;
  for (const [field, value] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (!value || event.allDay || value.hasTime) continue;
    timesOk = false;
    ctx.addIssue({
      code: 'custom',
      path: [field],
      message: `"${formatWallClock(value.wall, false)}" has no time of day`,
      params: {
        fix: `add the time, e.g. \`${field}: ${formatWallClock({ ...value.wall, hour: field === 'start' ? 18 : 20, minute: 30 })}\`, or add \`allDay: true\` for an event that lasts whole days.`,
      },
    });
  }
  if (!timesOk) return;
  const startWall = event.allDay ? { ...start.wall, hour: 0, minute: 0 } : start.wall;
  const endWall = end && (event.allDay ? { ...end.wall, hour: 0, minute: 0 } : end.wall);
  if (endWall && compareWallClocks(endWall, startWall) < 0) {
    const suggestion = event.allDay ? formatWallClock(startWall, false) : formatWallClock({ ...startWall, hour: Math.min(startWall.hour + 2, 23) });
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: `the event ends (${formatWallClock(endWall, !event.allDay)}) before it starts (${formatWallClock(startWall, !event.allDay)})`,
      params: { fix: `give an end after the start, e.g. \`end: ${suggestion}\`, or remove "end".` },
    });
    return;
  }
  if (!event.recurrence) return;
  const aligned = ruleStartsAtStart(event);
  if (aligned.ok) return;
  const first = aligned.first && formatWallClock(aligned.first, !event.allDay);
  ctx.addIssue({
    code: 'custom',
    path: ['start'],
    message: `the event starts on ${formatWallClock(startWall, !event.allDay)}, which is not a day its repeat rule "${event.recurrence.rule}" gives`,
    params: {
      fix: first
        ? `start it on the first day the rule gives, \`start: ${first}\`, or change the rule.`
        : 'the rule gives no day at all from the start on: check its UNTIL or COUNT.',
    },
  });
}

/** A map needs both coordinates: one alone is a mistake, not a place. */
function checkCoordinates(event: { location?: { latitude?: number | undefined; longitude?: number | undefined } | undefined }, ctx: z.RefinementCtx): void {
  const { latitude, longitude } = event.location ?? {};
  if ((latitude === undefined) === (longitude === undefined)) return;
  const missing = latitude === undefined ? 'latitude' : 'longitude';
  ctx.addIssue({
    code: 'custom',
    path: ['location', missing],
    message: `the ${missing} is missing: a map needs both latitude and longitude`,
    params: {
      fix: `under "location:", add \`${missing}: ${missing === 'latitude' ? 43.6532 : -79.3832}\` with the place's own value, or remove the other one.`,
    },
  });
}

export type EventData = z.infer<ReturnType<typeof eventSchema>>;
export type EventInput = z.input<ReturnType<typeof eventSchema>>;
