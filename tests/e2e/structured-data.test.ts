import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SITES } from '../support/sites.ts';

const dist = SITES.starter.dist;
const SITE = 'https://example.org/';

/** The JSON-LD objects of a built page, parsed. */
function structuredData(page: string): Record<string, unknown>[] {
  const html = readFileSync(join(dist, page), 'utf8');
  return [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((match) => JSON.parse(match[1]!));
}

/** Every absolute address of this site in the data leads to a built file. */
function expectLocalUrlsResolve(data: unknown) {
  for (const value of JSON.stringify(data).match(/https:\/\/example\.org\/[^"]*/g) ?? []) {
    const path = value.slice(SITE.length);
    expect(existsSync(join(dist, path.endsWith('/') || path === '' ? `${path}index.html` : path)), value).toBe(true);
  }
}

const firstIn = (folder: string) =>
  readdirSync(join(dist, folder), { withFileTypes: true }).find((entry) => entry.isDirectory() && !['page', 'tags', 'past', 'calendar'].includes(entry.name))!
    .name;

describe('schema.org structured data (JSON-LD)', () => {
  test('the home page describes the group as an Organization', () => {
    const [organization, ...others] = structuredData('index.html');
    expect(others).toEqual([]);
    expect(organization).toMatchObject({ '@context': 'https://schema.org', '@type': 'Organization', name: 'Maple Street Community Association', url: SITE });
    expect(organization!.address).toMatchObject({ '@type': 'PostalAddress', streetAddress: '12 Maple Street' });
    expectLocalUrlsResolve(organization);
  });

  test('a news post is a NewsArticle with a headline, an ISO publication date and a publisher', () => {
    const post = firstIn('news');
    const [article] = structuredData(`news/${post}/index.html`);
    expect(article).toMatchObject({ '@type': 'NewsArticle', url: `${SITE}news/${post}/`, publisher: { '@type': 'Organization' } });
    expect(typeof article!.headline).toBe('string');
    expect(new Date(article!.datePublished as string).toISOString()).toBe(article!.datePublished);
    expectLocalUrlsResolve(article);
  });

  test('an event is an Event with a start, a location and its attendance mode', () => {
    const [event] = structuredData('events/spring-clean-up/index.html');
    expect(event).toMatchObject({
      '@type': 'Event',
      name: 'Spring street clean-up',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', geo: { '@type': 'GeoCoordinates' } },
    });
    expect(Number.isNaN(Date.parse(event!.startDate as string))).toBe(false);
    expect(Date.parse(event!.endDate as string)).toBeGreaterThan(Date.parse(event!.startDate as string));
    expectLocalUrlsResolve(event);
    const [online] = structuredData('events/members-meeting-online/index.html');
    expect(online).toMatchObject({ eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode', location: { '@type': 'VirtualLocation' } });
  });
});
