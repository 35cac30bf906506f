import { describe, expect, it } from 'vitest';
import { siteSettingsSchema } from './schemas/site-settings.ts';
import { eventLd, jsonLdText, newsArticleLd, organizationLd } from './structured-data.ts';

const settings = siteSettingsSchema.parse({
  name: 'Maple Street',
  tagline: 'Neighbours together',
  contact: { email: 'hello@example.org', address: { street: '12 Maple Street', locality: 'Springfield', country: 'Canada' } },
  social: [{ network: 'mastodon', url: 'https://social.coop/@maple' }],
});
const publisher = { name: 'Maple Street', url: 'https://maple.example/' };

describe('structured data', () => {
  it('describes the group as an Organization with its address and profiles', () => {
    expect(organizationLd(settings, 'https://maple.example/')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: 'Maple Street',
      url: 'https://maple.example/',
      description: 'Neighbours together',
      email: 'hello@example.org',
      address: { '@type': 'PostalAddress', streetAddress: '12 Maple Street', addressLocality: 'Springfield', addressCountry: 'Canada' },
      sameAs: ['https://social.coop/@maple'],
    });
  });

  it('describes a news post as a NewsArticle with its author, or the group when it has none', () => {
    const article = newsArticleLd({ title: 'Fair', date: new Date('2026-05-01T00:00:00Z'), author: 'Sam', url: 'https://maple.example/news/fair/', publisher });
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Fair',
      datePublished: '2026-05-01T00:00:00.000Z',
      author: { '@type': 'Person', name: 'Sam' },
    });
    expect(newsArticleLd({ title: 'Fair', date: new Date(), url: 'x', publisher }).author).toEqual({ '@type': 'Organization', ...publisher });
  });

  it('describes events in person, online and both, with the right attendance mode', () => {
    const base = { title: 'Clean-up', start: '2027-04-24T10:00:00-04:00', url: 'https://maple.example/events/clean-up/', organizer: publisher };
    const inPerson = eventLd({ ...base, place: { name: 'Maple Park', latitude: 43.65, longitude: -79.38 } });
    expect(inPerson).toMatchObject({
      '@type': 'Event',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', name: 'Maple Park', geo: { latitude: 43.65, longitude: -79.38 } },
    });
    expect(eventLd({ ...base, online: 'https://meet.example/x' })).toMatchObject({
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation' },
    });
    const mixed = eventLd({ ...base, place: { address: '12 Maple Street' }, online: 'https://meet.example/x' });
    expect(mixed.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
    expect(mixed.location).toHaveLength(2);
  });

  it('cannot be broken out of its script element by content', () => {
    const text = jsonLdText(newsArticleLd({ title: '</script><script>alert(1)</script>', date: new Date(), url: 'x', publisher }));
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text).headline).toBe('</script><script>alert(1)</script>');
  });
});
