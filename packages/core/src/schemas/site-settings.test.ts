import { describe, expect, it } from 'vitest';
import { siteSettingsSchema } from './site-settings.ts';

const parse = (extra: Record<string, unknown>) => siteSettingsSchema.safeParse({ name: 'Riverside Tenants Union', ...extra });
const pathsOf = (extra: Record<string, unknown>) => parse(extra).error?.issues.map((issue) => issue.path.join('.'));

describe('siteSettingsSchema', () => {
  it('parses a settings file with only a name and fills in every default', () => {
    expect(siteSettingsSchema.parse({ name: ' Riverside ' })).toEqual({
      name: 'Riverside',
      colours: { primary: '#1d5c63', accent: '#b4442a' },
      fonts: { heading: 'atkinson-hyperlegible', body: 'atkinson-hyperlegible' },
      defaultLocale: 'en',
      locales: ['en'],
      timeZone: 'UTC',
      contact: {},
      social: [],
      navigation: { header: [], footer: [] },
      newsPerPage: 10,
      videos: { peertube: [] },
    });
  });

  it('shows an announcement between the days it gives, and refuses a last day before the first', () => {
    expect(parse({ announcement: { text: 'Assembly!', start: '2026-03-01', end: '2026-03-12' } }).data?.announcement).toEqual({
      text: 'Assembly!',
      start: new Date('2026-03-01T00:00:00Z'),
      end: new Date('2026-03-12T00:00:00Z'),
    });
    expect(parse({ announcement: { text: 'Assembly!', start: '2026-03-12', end: '2026-03-01' } }).error?.issues).toEqual([
      expect.objectContaining({ path: ['announcement', 'end'], message: 'the banner would stop (2026-03-01) before it starts (2026-03-12)' }),
    ]);
  });

  it('lists PeerTube instances by host name only', () => {
    expect(parse({ videos: { peertube: [' Tube.Example.org ', 'video.example:8443'] } }).data?.videos).toEqual({
      peertube: ['tube.example.org', 'video.example:8443'],
    });
    for (const value of ['https://tube.example.org', 'tube.example.org/videos', 'evil.example "x', '*.example.org', 'localhost']) {
      expect(pathsOf({ videos: { peertube: [value] } }), value).toEqual(['videos.peertube.0']);
    }
  });

  it('rejects settings without a name', () => {
    expect(siteSettingsSchema.safeParse({}).error?.issues[0]).toMatchObject({
      path: ['name'],
      message: 'give the name of your group',
    });
  });

  it('fills in the accent colour when only the main colour is given', () => {
    expect(parse({ colours: { primary: '#000000' } }).data?.colours).toEqual({ primary: '#000000', accent: '#b4442a' });
  });

  it.each(['red', '#fff', '#12345g', '1d5c63', '#1d5c631'])('rejects the colour %j', (primary) => {
    expect(pathsOf({ colours: { primary } })).toEqual(['colours.primary']);
  });

  it('accepts a time zone the runtime knows and rejects one it does not', () => {
    expect(parse({ timeZone: 'America/Vancouver' }).data?.timeZone).toBe('America/Vancouver');
    expect(pathsOf({ timeZone: 'Mars/Olympus_Mons' })).toEqual(['timeZone']);
  });

  it('rejects a locale the kit has no strings for', () => {
    expect(pathsOf({ defaultLocale: 'de' })).toEqual(['defaultLocale']);
    expect(pathsOf({ locales: ['en', 'de'] })).toEqual(['locales.1']);
  });

  it('lists the main language as the only locale when locales are not given', () => {
    expect(parse({ defaultLocale: 'fr' }).data?.locales).toEqual(['fr']);
  });

  it('rejects a main language missing from locales, naming it', () => {
    const result = parse({ defaultLocale: 'fr', locales: ['en', 'es'] });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['locales'], message: 'the main language "fr" must also be listed in locales' })]);
    expect(parse({ defaultLocale: 'fr', locales: ['en', 'fr'] }).success).toBe(true);
  });

  it('parses nested menus and checks links at every level', () => {
    const header = [
      { label: 'About', href: '/about/', children: [{ label: 'Board', href: '/about/board/', children: [{ label: 'Minutes', href: '/minutes/' }] }] },
      { label: 'Donate', href: 'https://donate.example.org' },
      { label: 'Write', href: 'mailto:hello@example.org' },
    ];
    expect(parse({ navigation: { header } }).data?.navigation).toEqual({ header, footer: [] });
    const badChild = [{ label: 'About', href: '/about/', children: [{ label: 'Board', href: 'about/board' }] }];
    expect(pathsOf({ navigation: { header: badChild } })).toEqual(['navigation.header.0.children.0.href']);
    expect(pathsOf({ navigation: { header: [{ label: 'x', href: '/x/', target: '_blank' }] } })).toEqual(['navigation.header.0']);
  });

  it('rejects unknown keys at the top and inside groups', () => {
    expect(parse({ colour: { primary: '#000000' } }).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['colour'] });
    expect(pathsOf({ colours: { primary: '#000000', secondary: '#ffffff' } })).toEqual(['colours']);
  });

  it('wants a described logo and keeps showing the name by default', () => {
    expect(parse({ logo: { src: '../assets/logo.svg', alt: 'Riverside' } }).data?.logo).toEqual({
      src: '../assets/logo.svg',
      alt: 'Riverside',
      showName: true,
    });
    expect(pathsOf({ logo: { src: '../assets/logo.svg' } })).toEqual(['logo.alt']);
  });

  it('checks contact email, social links and the news page size', () => {
    expect(pathsOf({ contact: { email: 'not-an-email' } })).toEqual(['contact.email']);
    expect(pathsOf({ social: [{ network: 'myspace', url: 'https://myspace.com/x' }] })).toEqual(['social.0.network']);
    expect(pathsOf({ social: [{ network: 'mastodon', url: 'social.coop/@x' }] })).toEqual(['social.0.url']);
    expect(pathsOf({ newsPerPage: 0 })).toEqual(['newsPerPage']);
    expect(pathsOf({ newsPerPage: 2.5 })).toEqual(['newsPerPage']);
  });
});

describe('settings cleared in the CMS', () => {
  it('fall back to their defaults or to nothing, instead of breaking the build', () => {
    const result = siteSettingsSchema.safeParse({
      name: 'Maple Street',
      colours: { primary: '', accent: '#b4442a' },
      contact: { email: '', phone: '', address: { street: '' } },
      social: [{ network: 'mastodon', url: 'https://social.coop/@maple' }, {}],
      logo: { src: '', alt: '' },
    });
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    expect(result.data?.colours.primary).toBe('#1d5c63');
    expect(result.data?.contact).toEqual({});
    expect(result.data?.social).toHaveLength(1);
    expect(result.data?.logo).toBeUndefined();
  });
});
