import type { SiteSettings } from './schemas/site-settings.ts';

/** A schema.org object as JSON-LD. */
export type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';

/** Drops keys whose value is undefined, so the JSON-LD states only what is known. */
function defined(object: JsonLd): JsonLd {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/** The group as a schema.org Organization: name, address, contact details, profiles elsewhere. */
export function organizationLd(settings: SiteSettings, url: string, logo?: string): JsonLd {
  const { address, email, phone } = settings.contact;
  return defined({
    '@context': CONTEXT,
    '@type': 'Organization',
    name: settings.name,
    url,
    description: settings.description ?? settings.tagline,
    logo,
    email,
    telephone: phone,
    address: address
      ? defined({
          '@type': 'PostalAddress',
          streetAddress: address.street,
          addressLocality: address.locality,
          addressRegion: address.region,
          postalCode: address.postalCode,
          addressCountry: address.country,
        })
      : undefined,
    sameAs: settings.social.length ? settings.social.map((profile) => profile.url) : undefined,
  });
}

/** A news post as a schema.org NewsArticle, published by the group. */
export function newsArticleLd(post: {
  title: string;
  date: Date;
  summary?: string | undefined;
  author?: string | undefined;
  url: string;
  image?: string | undefined;
  publisher: { name: string; url: string };
  /** The language of the post, on a multilingual site. */
  language?: string | undefined;
}): JsonLd {
  return defined({
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: post.title,
    inLanguage: post.language,
    datePublished: post.date.toISOString(),
    description: post.summary,
    image: post.image ? [post.image] : undefined,
    url: post.url,
    mainEntityOfPage: post.url,
    author: post.author ? { '@type': 'Person', name: post.author } : { '@type': 'Organization', name: post.publisher.name, url: post.publisher.url },
    publisher: { '@type': 'Organization', name: post.publisher.name, url: post.publisher.url },
  });
}

/** An event as a schema.org Event: in person at a place, online, or both. */
export function eventLd(event: {
  title: string;
  /** ISO 8601 with the offset of the event's time zone, or a calendar day for all-day events. */
  start: string;
  end?: string | undefined;
  summary?: string | undefined;
  url: string;
  image?: string | undefined;
  place?: { name?: string | undefined; address?: string | undefined; latitude?: number | undefined; longitude?: number | undefined } | undefined;
  online?: string | undefined;
  registration?: string | undefined;
  cost?: string | undefined;
  organizer: { name: string; url: string };
}): JsonLd {
  const physical =
    event.place && (event.place.name || event.place.address)
      ? defined({
          '@type': 'Place',
          name: event.place.name ?? event.place.address,
          address: event.place.address,
          geo:
            event.place.latitude !== undefined && event.place.longitude !== undefined
              ? { '@type': 'GeoCoordinates', latitude: event.place.latitude, longitude: event.place.longitude }
              : undefined,
        })
      : undefined;
  const virtual = event.online ? { '@type': 'VirtualLocation', url: event.online } : undefined;
  const locations = [physical, virtual].filter(Boolean);
  const mode = physical && virtual ? 'MixedEventAttendanceMode' : virtual ? 'OnlineEventAttendanceMode' : 'OfflineEventAttendanceMode';
  return defined({
    '@context': CONTEXT,
    '@type': 'Event',
    name: event.title,
    startDate: event.start,
    endDate: event.end,
    description: event.summary,
    url: event.url,
    image: event.image ? [event.image] : undefined,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: `https://schema.org/${mode}`,
    location: locations.length > 1 ? locations : locations[0],
    offers: event.registration || event.cost ? defined({ '@type': 'Offer', url: event.registration ?? event.url, description: event.cost }) : undefined,
    organizer: { '@type': 'Organization', name: event.organizer.name, url: event.organizer.url },
  });
}

/**
 * JSON-LD as the text of a `<script type="application/ld+json">`: `<` is escaped so that no
 * content (a title such as "</script>") can end the script element early.
 */
export function jsonLdText(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
