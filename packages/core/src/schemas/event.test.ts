import { describe, expect, it } from 'vitest';
import { problemsFromZodError, type Problem } from '../problems.ts';
import { eventSchema } from './event.ts';

const schema = eventSchema();
const FILE = 'src/content/events/clean-up.md';
const event = (fields: Record<string, unknown>) => schema.safeParse({ title: 'Clean-up', start: '2026-12-05T10:00', ...fields });

function problemsOf(fields: Record<string, unknown>): Problem[] {
  const input = { title: 'Clean-up', start: '2026-12-05T10:00', ...fields };
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the event to be rejected');
  return problemsFromZodError(result.error, schema, FILE, input);
}

describe('eventSchema', () => {
  it('parses a minimal event, keeping its wall-clock time and filling in the defaults', () => {
    expect(event({}).data).toEqual({ title: 'Clean-up', start: '2026-12-05T10:00', allDay: false, tags: [], draft: false });
  });

  it('takes a publication date, so an event can be announced later, and refuses an impossible one', () => {
    expect(event({ publishDate: '2026-11-01' }).data?.publishDate).toEqual(new Date('2026-11-01T00:00:00Z'));
    expect(problemsOf({ publishDate: '2026-11-31' })).toEqual([
      expect.objectContaining({
        field: 'publishDate',
        message: '"publishDate" (Publish on): "2026-11-31" is not a real date; write it as YYYY-MM-DD, e.g. 2026-05-01',
      }),
    ]);
  });

  it('parses a full event', () => {
    const result = event({
      summary: 'Bring gloves.',
      end: '2026-12-05T12:00',
      timeZone: 'Europe/Paris',
      recurrence: { rule: 'freq=weekly;byday=sa', exceptions: ['2026-12-26'] },
      location: { name: 'Library', address: '12 Maple Street', latitude: 43.65, longitude: -79.38 },
      online: 'https://meet.example.org/x',
      registration: 'https://forms.example.org/x',
      cost: 'Free',
      tags: ['volunteering'],
    });
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toMatchObject({
      end: '2026-12-05T12:00',
      timeZone: 'Europe/Paris',
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=SA', exceptions: ['2026-12-26'] },
    });
  });

  it('accepts the dates a YAML 1.1 reader gives, as the wall clock that was written', () => {
    const result = event({ start: new Date('2026-12-05T10:00:00Z'), recurrence: { rule: 'FREQ=WEEKLY', exceptions: [new Date('2026-12-12T00:00:00Z')] } });
    expect(result.data).toMatchObject({ start: '2026-12-05T10:00', recurrence: { exceptions: ['2026-12-12'] } });
  });

  it('keeps only the days of an all-day event', () => {
    expect(event({ allDay: true, start: '2027-08-21', end: '2027-08-22T00:00' }).data).toMatchObject({ start: '2027-08-21', end: '2027-08-22' });
    expect(event({ allDay: true, start: new Date('2027-08-21T00:00:00Z') }).data?.start).toBe('2027-08-21');
  });

  it('reads fields the CMS writes cleared ("") as not given', () => {
    const result = event({
      end: '',
      timeZone: '',
      recurrence: { rule: '', exceptions: [] },
      location: { name: '', latitude: null },
      online: '',
      image: { src: '', alt: '' },
    });
    expect(result.error?.issues).toBeUndefined();
    const given = Object.entries(result.data!)
      .filter(([, value]) => value !== undefined)
      .map(([key]) => key);
    expect(given.sort()).toEqual(['allDay', 'draft', 'start', 'tags', 'title']);
  });

  it('normalises the spelling of a time zone', () => {
    expect(event({ timeZone: 'america/toronto' }).data?.timeZone).toBe('America/Toronto');
  });
});

describe('problems with events', () => {
  it('an end before the start names the field, both times and the fix', () => {
    expect(problemsOf({ end: '2026-12-05T09:00' })).toEqual([
      {
        file: FILE,
        field: 'end',
        message: '"end" (Ends): the event ends (2026-12-05T09:00) before it starts (2026-12-05T10:00)',
        fix: 'give an end after the start, e.g. `end: 2026-12-05T12:00`, or remove "end".',
      },
    ]);
    expect(problemsOf({ allDay: true, start: '2027-08-21', end: '2027-08-20' })[0]?.message).toContain('ends (2027-08-20) before it starts (2027-08-21)');
  });

  it('an unknown time zone suggests the closest one', () => {
    const [problem, ...rest] = problemsOf({ timeZone: 'America/Torono' });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ field: 'timeZone', message: '"timeZone" (Time zone): "America/Torono" is not a time zone this site knows' });
    expect(problem?.fix).toMatch(/^did you mean "America\/Toronto"\? Write a time zone name from the IANA list/);
    expect(problemsOf({ timeZone: 'Mars/Olympus_Mons' })[0]?.fix).toMatch(/^Write a time zone name/);
  });

  it('an invalid recurrence rule says why and shows rules that work', () => {
    const [problem] = problemsOf({ recurrence: { rule: 'FREQ=FORTNIGHTLY;BYDAY=TU' } });
    expect(problem?.field).toBe('recurrence.rule');
    expect(problem?.message).toBe(
      '"recurrence.rule" (Repeat rule): "FREQ=FORTNIGHTLY;BYDAY=TU" is not a recurrence rule: FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY, not "FORTNIGHTLY"',
    );
    expect(problem?.fix).toContain('`rule: FREQ=WEEKLY;INTERVAL=2;BYDAY=TU` (every second Tuesday)');
    expect(problemsOf({ recurrence: { rule: 'every other tuesday' } })[0]?.message).toContain('is not written as NAME=VALUE');
  });

  it('a start the rule never gives names the first day it gives', () => {
    const [problem] = problemsOf({ start: '2026-12-07T18:00', recurrence: { rule: 'FREQ=WEEKLY;BYDAY=TU' } });
    expect(problem).toMatchObject({ field: 'start', fix: 'start it on the first day the rule gives, `start: 2026-12-08T18:00`, or change the rule.' });
    expect(problem?.message).toContain('2026-12-07T18:00, which is not a day its repeat rule "FREQ=WEEKLY;BYDAY=TU" gives');
  });

  it('a day without a time of day asks for the time or allDay', () => {
    const [problem] = problemsOf({ start: '2026-12-05' });
    expect(problem).toMatchObject({ field: 'start', message: '"start" (Starts): "2026-12-05" has no time of day' });
    expect(problem?.fix).toContain('`start: 2026-12-05T18:30`, or add `allDay: true`');
  });

  it('a time with an offset, or an impossible one, is refused with the form to use', () => {
    expect(problemsOf({ start: '2026-12-05T10:00-05:00' })[0]).toMatchObject({ field: 'start', message: expect.stringContaining('has a time-zone offset') });
    expect(problemsOf({ start: '2026-02-30T10:00' })[0]?.message).toContain('"2026-02-30T10:00" is not a real day and time; write it as YYYY-MM-DDTHH:mm');
    expect(problemsOf({ recurrence: { rule: 'FREQ=WEEKLY', exceptions: ['2026-12-12T10:00'] } })[0]).toMatchObject({ field: 'recurrence.exceptions[0]' });
  });

  it('coordinates out of range, or only one of them, are refused', () => {
    expect(problemsOf({ location: { latitude: 95, longitude: 0 } })[0]).toMatchObject({
      field: 'location.latitude',
      message: expect.stringContaining('a latitude is between -90 and 90'),
    });
    expect(problemsOf({ location: { latitude: 43.65 } })[0]).toMatchObject({
      field: 'location.longitude',
      message: expect.stringContaining('the longitude is missing'),
    });
  });

  it('links must be full web addresses', () => {
    expect(problemsOf({ online: 'meet.example.org' })[0]).toMatchObject({
      field: 'online',
      message: expect.stringContaining('is neither a full address'),
      fix: expect.stringContaining('starting with https://'),
    });
    expect(problemsOf({ registration: 'javascript:alert(1)' })[0]?.field).toBe('registration');
  });

  it('a missing start is reported with an example', () => {
    const input = { title: 'Clean-up' };
    const result = schema.safeParse(input);
    const [problem] = problemsFromZodError(result.error!, schema, FILE, input);
    expect(problem).toMatchObject({
      field: 'start',
      message: 'the required field "start" (Starts) is missing',
      fix: expect.stringContaining('`start: 2026-12-05T18:30`'),
    });
  });
});
