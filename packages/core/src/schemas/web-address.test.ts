import { describe, expect, it } from 'vitest';
import { problemsFromZodError } from '../problems.ts';
import { addressField, addressKindsOf, addressPattern, addressProblem, HTTPS_KINDS, LINK_KINDS, WEB_KINDS } from './web-address.ts';
import { documented } from './fields.ts';
import { siteSettingsSchema } from './site-settings.ts';
import { givingSchema } from './giving.ts';
import { formsSchema } from './forms.ts';
import { personSchema } from './person.ts';
import { eventSchema } from './event.ts';
import { pageSchema } from './page.ts';
import { albumSchema } from './album.ts';

/** Addresses a browser would run, send elsewhere or read differently from what the editor sees. */
const HOSTILE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  'javascript\u200b:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://example.org/1',
  '//evil.example/',
  '///evil.example/',
  '/\\evil.example/',
  '\\\\evil.example/',
  '\\/evil.example/',
  '/%2F%2Fevil.example/',
  '/%5Cevil.example/',
  '/%2f/evil.example/',
  '%2F%2Fevil.example/',
  'https:evil.example',
  'https:/\\evil.example',
  'https://trusted.example@evil.example/',
  'https://evil',
  '/news/%zz',
  '/news/%00',
  'evil.example',
];

describe('addressProblem', () => {
  it.each([
    '/news/',
    '/',
    '#contact',
    '/about/#team',
    'https://example.org/page?x=1#top',
    'http://example.org',
    'HTTPS://EXAMPLE.ORG/',
    'mailto:hello@example.org',
    'mailto:hello@example.org?subject=Hi',
    'tel:+1 555 0100',
    'tel:+15550100',
    '/news/caf%C3%A9/',
  ])('takes the link %j', (value) => expect(addressProblem(value, LINK_KINDS)).toBeUndefined());

  it.each(HOSTILE)('refuses the link %j, saying what to write', (value) => {
    const problem = addressProblem(value.trim(), LINK_KINDS);
    expect(problem?.message).toBeTruthy();
    expect(problem?.fix).toMatch(/https:\/\/|single \/|\/ instead of \\|%25|without spaces|site itself|by hand/);
  });

  it('says why, in words an editor understands', () => {
    expect(addressProblem('javascript:alert(1)')?.message).toBe('"javascript:alert(1)" starts with "javascript:", which the site does not publish as a link');
    expect(addressProblem('java\tscript:alert(1)')?.message).toBe('"java\\tscript:alert(1)" contains an invisible or control character (a tab, a line break…)');
    expect(addressProblem('//evil.example/')?.message).toContain('leads to another site');
    expect(addressProblem('/%2F%2Fevil.example/')?.message).toContain('leads to another site');
    expect(addressProblem('/\\evil.example/')?.message).toContain('backslash');
    expect(addressProblem('https://a.example@evil.example/')?.fix).toContain('https://evil.example/');
    expect(addressProblem('/news/%zz')?.message).toContain('% that is not followed by two hexadecimal digits');
    expect(addressProblem('news/')?.fix).toBe(
      'write a page of this site starting with a single / (e.g. /news/), a full web address starting with https:// (e.g. https://example.org/page), mailto: and an email address (e.g. mailto:hello@example.org) or tel: and a phone number (e.g. tel:+15550100).',
    );
  });

  it('keeps the narrower kinds of a field', () => {
    expect(addressProblem('/donate/', WEB_KINDS)?.message).toContain('which this field does not take');
    expect(addressProblem('mailto:a@b.example', WEB_KINDS)?.message).toContain('a mailto: link');
    expect(addressProblem('http://example.org/', HTTPS_KINDS)?.fix).toMatch(/^write https:\/\/ instead of http:\/\//);
    expect(addressProblem('https://example.org/', HTTPS_KINDS)).toBeUndefined();
  });
});

describe('addressField', () => {
  it('trims, then checks what is left', () => {
    expect(addressField().parse('  /news/ ')).toBe('/news/');
    expect(addressField().safeParse(' javascript:alert(1)').success).toBe(false);
  });
});

/** Every schema that takes an address refuses each hostile one, naming the field. */
describe.each([
  ['site settings social[].url', (url: string) => siteSettingsSchema.safeParse({ name: 'X', social: [{ network: 'mastodon', url }] }), 'social[0].url'],
  [
    'site settings menu href',
    (url: string) => siteSettingsSchema.safeParse({ name: 'X', navigation: { header: [{ label: 'X', href: url }] } }),
    'navigation.header[0].href',
  ],
  [
    'site settings nested menu href',
    (url: string) => siteSettingsSchema.safeParse({ name: 'X', navigation: { footer: [{ label: 'X', href: '/x/', children: [{ label: 'Y', href: url }] }] } }),
    'navigation.footer[0].children[0].href',
  ],
  [
    'site settings announcement link',
    (url: string) => siteSettingsSchema.safeParse({ name: 'X', announcement: { text: 'Hi', link: url } }),
    'announcement.link',
  ],
  ['giving button url', (url: string) => givingSchema.safeParse({ buttons: [{ provider: 'other', url }] }), 'buttons[0].url'],
  ['contact form endpoint', (url: string) => formsSchema.safeParse({ contact: { provider: 'formspree', endpoint: url } }), 'contact.endpoint'],
  ['newsletter action', (url: string) => formsSchema.safeParse({ newsletter: { provider: 'listmonk', action: url, list: 'x' } }), 'newsletter.action'],
  ['person link', (url: string) => personSchema().safeParse({ name: 'Sam', links: [{ label: 'Web', url }] }), 'links[0].url'],
  ['event online link', (url: string) => eventSchema().safeParse({ title: 'Meet', start: '2026-12-05T18:30', online: url }), 'online'],
  ['event registration link', (url: string) => eventSchema().safeParse({ title: 'Meet', start: '2026-12-05T18:30', registration: url }), 'registration'],
  [
    'hero button',
    (url: string) => pageSchema().safeParse({ title: 'Home', blocks: [{ type: 'hero', title: 'Hi', action: { label: 'Go', href: url } }] }),
    'blocks[0].action.href',
  ],
  [
    'call-to-action button',
    (url: string) => pageSchema().safeParse({ title: 'Home', blocks: [{ type: 'call-to-action', heading: 'Hi', label: 'Go', href: url }] }),
    'blocks[0].href',
  ],
])('%s', (_name, parse, field) => {
  it('takes a full https:// address', () => expect(parse('https://www.paypal.com/donate/?x=1').error?.issues).toBeUndefined());

  it.each(HOSTILE)('refuses %j', (url) => {
    const result = parse(url);
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) =>
      issue.path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index ? '.' : ''}${String(key)}`)).join(''),
    );
    expect(fields).toContain(field);
  });
});

describe('album videos, whose addresses video-embeds.ts reads', () => {
  const parse = (url: string) =>
    albumSchema().safeParse({ title: 'Fair', date: '2026-05-01', photos: [{ src: '../../assets/albums/a.jpg', alt: 'A' }], videos: [{ url, title: 'Fair' }] });

  it('take a video page', () => expect(parse('https://www.youtube.com/watch?v=aqz-KE-bpKQ').success).toBe(true));

  it.each(HOSTILE)('refuse %j', (url) => {
    expect(parse(url).error?.issues.map((issue) => issue.path.join('.'))).toContain('videos.0.url');
  });
});

describe('the problem a refused address becomes', () => {
  it('names the field, says what is wrong and gives the fix', () => {
    const input = { name: 'X', social: [{ network: 'mastodon', url: 'javascript:alert(document.cookie)' }] };
    const result = siteSettingsSchema.safeParse(input);
    expect(problemsFromZodError(result.error!, siteSettingsSchema, 'src/settings/site.yaml', input, 'settings file')).toEqual([
      {
        file: 'src/settings/site.yaml',
        field: 'social[0].url',
        message: '"social[0].url": "javascript:alert(document.cookie)" starts with "javascript:", which the site does not publish as a link',
        fix: 'write a full web address starting with https:// (e.g. https://example.org/page).',
      },
    ]);
  });
});

describe('checks that read an address the field refused', () => {
  it.each(['not an address', 'javascript:alert(1)', '//evil.example/'])('report %j without throwing', (url) => {
    expect(givingSchema.safeParse({ buttons: [{ provider: 'liberapay', url }] }).error?.issues[0]?.path).toEqual(['buttons', 0, 'url']);
    expect(formsSchema.safeParse({ newsletter: { provider: 'mailchimp', action: url } }).error?.issues[0]?.path).toEqual(['newsletter', 'action']);
  });
});

describe("addressPattern, the CMS's first check", () => {
  const GOOD = ['/news/', '#contact', 'https://example.org/page?x=1#top', 'HTTPS://EXAMPLE.ORG/', 'mailto:hello@example.org?subject=Hi', 'tel:+1 555 0100'];

  it('takes every address the build takes', () => {
    for (const value of GOOD) expect(new RegExp(addressPattern(LINK_KINDS)).test(value), value).toBe(true);
  });

  it('refuses script and data addresses, other sites disguised as paths, and control characters', () => {
    const pattern = new RegExp(addressPattern(LINK_KINDS));
    const refused = HOSTILE.filter((value) => !pattern.test(value));
    // The few it lets through are the build's to refuse (an escape, a name before @, a bidi mark).
    expect(HOSTILE.filter((value) => !refused.includes(value)).every((value) => addressProblem(value.trim()))).toBe(true);
    for (const value of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/',
      '/\\evil.example/',
    ])
      expect(refused).toContain(value);
  });

  it('is known from the schema, documented or not', () => {
    expect(addressKindsOf(addressField(WEB_KINDS))).toEqual(WEB_KINDS);
    expect(addressKindsOf(documented(addressField(HTTPS_KINDS), { title: 'Address', description: 'Where.' }))).toEqual(HTTPS_KINDS);
    expect(addressKindsOf(documented(addressField().optional(), { title: 'Address', description: 'Where.' }))).toBeUndefined();
  });
});
