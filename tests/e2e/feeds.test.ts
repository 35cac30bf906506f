import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { SITES } from '../support/sites.ts';

/** Every news feed the sites publish: one per language. */
const FEEDS = [
  { site: 'starter', file: 'rss.xml', language: 'en' },
  { site: 'opentechCoop', file: 'rss.xml', language: 'en' },
  { site: 'riversideTenants', file: 'rss.xml', language: 'en' },
  { site: 'riversideTenants', file: 'es/rss.xml', language: 'es' },
  { site: 'eastsideGarden', file: 'rss.xml', language: 'en' },
] as const;

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

describe.each(FEEDS)('the RSS feed $file of $site', ({ site, file, language }) => {
  const dist = SITES[site].dist;
  const xml = readFileSync(join(dist, file), 'utf8');

  test('is well-formed XML and RSS 2.0 with the channel’s required elements', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const { rss } = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(rss['@_version']).toBe('2.0');
    const { channel } = rss;
    for (const element of ['title', 'link', 'description']) expect(String(channel[element] ?? '').trim(), element).not.toBe('');
    expect(channel.language).toBe(language);
  });

  test('gives each item a title, an absolute link to a built page, a permanent id and an RFC 822 date', () => {
    const { channel } = new XMLParser().parse(xml).rss;
    const items = asList<{ title: string; link: string; guid: string; pubDate: string }>(channel.item);
    expect(items.length).toBeGreaterThan(0);
    const origin = new URL(channel.link).origin;
    for (const item of items) {
      expect(item.title).toBeTruthy();
      const link = new URL(item.link);
      expect(link.origin).toBe(origin);
      expect(existsSync(join(dist, link.pathname, 'index.html')), item.link).toBe(true);
      expect(item.guid).toBe(item.link);
      expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/);
    }
  });
});
