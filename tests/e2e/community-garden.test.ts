import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { SITES } from '../support/sites.ts';

/** The Eastside Community Garden: Saturday work days, workshops with a map, photo albums. */
const built = (path: string) => readFileSync(join(SITES.eastsideGarden.dist, path), 'utf8');

describe('the community garden site', () => {
  test('the Saturday work day repeats weekly at 9:00 garden time, skipping Independence Day, until the end of October', () => {
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(built('events/saturday-work-day.ics'))).getFirstSubcomponent('vevent')!);
    const starts: string[] = [];
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (event.isRecurrenceException() || iterator.complete) break;
      starts.push(next.toString());
    }
    const exdates = event.component.getAllProperties('exdate').flatMap((property) => property.getValues().map((value: ICAL.Time) => value.toString()));
    const held = starts.filter((start) => !exdates.includes(start));
    expect(held[0]).toBe('2026-04-04T09:00:00');
    expect(held).not.toContain('2026-07-04T09:00:00');
    expect(held).toContain('2026-07-11T09:00:00');
    expect(held.at(-1)).toBe('2026-10-31T09:00:00');
    expect(held.every((start) => start.endsWith('T09:00:00'))).toBe(true);
  });

  test('a workshop page offers its map on request, with the OpenStreetMap link for everyone', () => {
    const page = built('events/composting-workshop/index.html');
    expect(page).toContain('https://www.openstreetmap.org/');
    expect(page).not.toMatch(/<script[^>]+src="[^"]*leaflet/i);
  });

  test('the albums are listed newest first, each photo with its description', () => {
    const list = built('albums/index.html');
    expect(list.indexOf('Harvest day, 2026')).toBeLessThan(list.indexOf('Summer in the garden, 2026'));
    const album = built('albums/summer-2026/index.html');
    for (const alt of ['An illustration of a row of green plants in raised beds', 'An illustration of three sunflowers taller than the fence'])
      expect(album).toContain(`alt="${alt}"`);
  });
});
