import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SITES } from '../support/sites.ts';

const page = (site: keyof typeof SITES, path: string) => readFileSync(join(SITES[site].dist, path), 'utf8');

describe('the announcement banner', () => {
  test('shows the settings’ announcement at the top of every page, with its link', () => {
    for (const path of ['index.html', 'about/index.html', 'news/index.html', 'events/index.html', '404.html']) {
      const html = page('starter', path);
      const banner = /<aside class="announcement" aria-label="Announcement">([\s\S]*?)<\/aside>/.exec(html)?.[1];
      expect(banner, path).toContain('The street festival needs volunteers');
      expect(banner, path).toContain('<a href="/news/street-festival-volunteers/">Sign up to help</a>');
      expect(html.indexOf('class="announcement"'), path).toBeLessThan(html.indexOf('class="site-header"'));
    }
  });

  test('is absent when the settings have none', () => {
    expect(page('opentechCoop', 'index.html')).not.toContain('class="announcement"');
  });
});

describe('share links', () => {
  const SHARE_HOSTS = ['bsky.app', 'www.facebook.com', 'www.linkedin.com', 'wa.me'];

  function shareLinks(html: string): string[] {
    const block = /<div class="share-links">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    return [...block.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
  }

  test.each([
    ['a news post', 'news/spring-clean-up/index.html', 'https://example.org/news/spring-clean-up/'],
    ['an upcoming event', 'events/spring-clean-up/index.html', 'https://example.org/events/spring-clean-up/'],
  ])('on %s, link to each network’s own form and to email, carrying the page’s address', (_kind, path, address) => {
    const links = shareLinks(page('starter', path));
    expect(links.length).toBe(SHARE_HOSTS.length + 1);
    expect(links[0]).toMatch(/^mailto:\?subject=/);
    for (const link of links.slice(1)) expect(SHARE_HOSTS).toContain(new URL(link).host);
    for (const link of links) expect(decodeURIComponent(link)).toContain(address);
  });
});
