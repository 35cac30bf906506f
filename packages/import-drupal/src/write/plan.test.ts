import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DrupalFile, DrupalNode, DrupalSite } from '../model.ts';
import { writeMemberSite } from './import-site.ts';
import { planSite } from './plan.ts';

const dir = mkdtempSync(join(tmpdir(), 'oo-import-plan-'));
function file(fid: number, name: string, extra: Partial<DrupalFile> = {}): DrupalFile {
  const path = join(dir, name);
  writeFileSync(path, `bytes of ${name}`);
  return {
    fid,
    uri: `public://${name}`,
    filename: name,
    mime: name.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg',
    type: name.endsWith('.pdf') ? 'document' : 'image',
    path,
    ...extra,
  };
}
const node = (nid: number, type: string, title: string, extra: Partial<DrupalNode> = {}): DrupalNode => ({
  nid,
  vid: nid,
  type,
  language: 'en',
  tnid: 0,
  title,
  status: 1,
  created: 1772366400,
  changed: 1772366400,
  tags: [],
  images: [],
  fields: {},
  ...extra,
});

const photo = file(1, 'fair.jpg', { alt: 'Stalls at the fair', tags: [7] });
const bare = file(2, 'plain.jpg');
const handbook = file(3, 'handbook.pdf', { title: 'Tenant handbook' });
const drupal: DrupalSite = {
  site: {
    name: 'Riverside Tenants',
    slogan: 'Renters helping renters',
    mail: 'hello@example.org',
    timezone: 'America/Toronto',
    defaultLanguage: 'en',
    languages: ['en', 'fr', 'de'],
    frontPage: 'node/1',
  },
  nodes: [
    node(1, 'section', 'Welcome', { body: { value: '<p>Hello <a href="/about">about us</a>.</p>' } }),
    node(2, 'section', 'About us', {
      body: { value: '<p>See <a href="/sites/default/files/handbook.pdf">the handbook</a> and <a href="/node/9">a webform</a>.</p>' },
    }),
    node(3, 'section', 'History', { bookParent: 2 }),
    node(4, 'section', 'À propos', { language: 'fr', tnid: 2 }),
    node(5, 'article', 'Spring fair', {
      tags: [7],
      author: 'sam',
      images: [photo],
      body: { value: '<p><img src="/sites/default/files/styles/large/public/plain.jpg"></p><script>x()</script>', summary: '<p>It was <b>great</b></p>' },
    }),
    node(6, 'article', 'Draft post', { status: 0 }),
    node(7, 'event', 'Weekly clinic', {
      event: {
        dates: [
          { start: '2026-03-03T23:00:00Z', end: '2026-03-04T01:00:00Z', timezone: 'America/Toronto' },
          { start: '2026-03-10T22:00:00Z', timezone: 'America/Toronto' },
        ],
        rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;COUNT=6;WKST=MO',
        exdates: ['2026-03-17T22:00:00Z'],
        placeNid: 20,
      },
    }),
    node(8, 'link', 'City housing office', { link: { url: 'https://city.example/housing' } }),
    node(9, 'webform', 'Sign up'),
    node(10, 'article', 'Hallo', { language: 'de' }),
  ],
  people: [
    {
      pid: 1,
      uid: 5,
      name: 'Ana Sousa',
      fields: { field_bio: '<p>Ana runs the clinic.</p>' },
      image: file(4, 'ana.jpg', { alt: 'Ana smiling' }),
      alias: 'people/ana',
    },
  ],
  media: [
    photo,
    bare,
    handbook,
    {
      fid: 5,
      uri: 'youtube://v/aqz-KE-bpKQ',
      filename: 'Our video',
      mime: 'video/youtube',
      type: 'video',
      remoteUrl: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
      title: 'Our video',
    },
  ],
  places: [{ nid: 20, title: 'Community Centre', street: '1 Main St', city: 'Toronto', region: 'ON', country: 'CA', lat: 43.65, lon: -79.38 }],
  terms: [{ tid: 7, vocabulary: 'tags', name: 'Fair' }],
  menus: [
    { mlid: 1, menu: 'main-menu', title: 'About', path: 'node/2', weight: 2, hidden: false },
    { mlid: 2, menu: 'main-menu', title: 'Blog', path: 'blog', weight: 1, hidden: false },
    { mlid: 3, menu: 'menu-footer', title: 'Mastodon', path: 'https://social.example/@rt', weight: 0, hidden: false },
  ],
  aliases: [
    { source: 'node/2', alias: 'about', language: 'en' },
    { source: 'node/2', alias: 'about-us', language: 'en' },
    { source: 'node/4', alias: 'a-propos', language: 'fr' },
    { source: 'node/5', alias: 'news/spring-fair', language: 'en' },
    { source: 'node/9', alias: 'sign-up', language: 'en' },
  ],
  notImported: [{ kind: 'comment', count: 12 }],
  problems: [],
};

describe('planSite', () => {
  const plan = planSite(drupal);
  const text = (path: string) => plan.files.get(path) ?? `(no ${path})`;

  it('lays out a site in the kit’s languages, translations sharing their file name', () => {
    expect(plan.languages.locales).toEqual(['en', 'fr']);
    expect([...plan.files.keys()].sort()).toEqual([
      'src/content/albums/en/fair.md',
      'src/content/events/en/weekly-clinic.md',
      'src/content/news/en/draft-post.md',
      'src/content/news/en/spring-fair.md',
      'src/content/pages/en/about-us.md',
      'src/content/pages/en/history.md',
      'src/content/pages/en/home.md',
      'src/content/pages/fr/about-us.md',
      'src/content/pages/fr/home.md',
      'src/content/people/en/ana.md',
      'src/content/resources/en/city-housing-office.md',
      'src/content/resources/en/our-video.md',
      'src/content/resources/en/tenant-handbook.md',
    ]);
    expect(plan.findings.problems.map((p) => `${p.where}: ${p.message}`)).toContain(
      'node/10: "Hallo" is in de, a language the site kit does not publish in (en, fr, es); it was not imported',
    );
  });

  it('writes news with its date in the site’s time zone, tags, cover and a sanitised body with copied images', () => {
    expect(text('src/content/news/en/spring-fair.md')).toBe(
      '---\ntitle: Spring fair\ndate: 2026-03-01\nsummary: It was great\ntags:\n  - Fair\nauthor: sam\ncover:\n  src: ../../../assets/images/fair.jpg\n  alt: Stalls at the fair\n---\n\n![](../../../assets/images/plain.jpg)\n',
    );
    expect(plan.findings.undescribed).toEqual([{ where: 'node/5', image: '../../../assets/images/plain.jpg', file: 'src/content/news/en/spring-fair.md' }]);
    expect(text('src/content/news/en/draft-post.md')).toContain('draft: true');
  });

  it('writes events on their own clock with the repeat rule, skipped days and place', () => {
    expect(text('src/content/events/en/weekly-clinic.md')).toBe(
      '---\ntitle: Weekly clinic\nstart: 2026-03-03T18:00\nend: 2026-03-03T20:00\nrecurrence:\n  rule: FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;COUNT=6;WKST=MO\n  exceptions:\n    - 2026-03-17\nlocation:\n  name: Community Centre\n  address: 1 Main St, Toronto ON, CA\n  latitude: 43.65\n  longitude: -79.38\n---\n',
    );
  });

  it('builds the page tree, the menus and the links between pages', () => {
    expect(text('src/content/pages/en/home.md')).toBe('---\ntitle: Welcome\n---\n\nHello [about us](/about-us/).\n');
    expect(text('src/content/pages/en/about-us.md')).toBe(
      '---\ntitle: About us\nmenu:\n  placement: header\n  order: 2\n---\n\nSee [the handbook](/files/resources/handbook.pdf) and a webform.\n',
    );
    expect(text('src/content/pages/en/history.md')).toContain('parent: about-us');
    expect(plan.settings.navigation).toEqual({
      header: [{ label: 'Blog', href: '/news/' }],
      footer: [{ label: 'Mastodon', href: 'https://social.example/@rt' }],
    });
  });

  it('redirects every old address of a published node to its new page', () => {
    expect(plan.redirects).toEqual([
      { from: '/a-propos', to: '/fr/about-us/' },
      { from: '/about', to: '/about-us/' },
      { from: '/articles', to: '/news/' },
      { from: '/bios', to: '/people/' },
      { from: '/blog', to: '/news/' },
      { from: '/calendar', to: '/events/' },
      { from: '/fr/a-propos', to: '/fr/about-us/' },
      { from: '/fr/node/4', to: '/fr/about-us/' },
      { from: '/links', to: '/resources/' },
      { from: '/media', to: '/albums/' },
      { from: '/node/1', to: '/' },
      { from: '/node/2', to: '/about-us/' },
      { from: '/node/3', to: '/about-us/history/' },
      { from: '/node/4', to: '/fr/about-us/' },
      { from: '/node/5', to: '/news/spring-fair/' },
      { from: '/node/7', to: '/events/weekly-clinic/' },
      { from: '/node/8', to: '/resources/' },
    ]);
  });
});

describe('writeMemberSite', () => {
  it('writes the site, its settings, redirects and report, and a second run changes nothing', () => {
    const site = mkdtempSync(join(tmpdir(), 'oo-import-site-'));
    mkdirSync(join(site, 'src/settings'), { recursive: true });
    mkdirSync(join(site, 'src/content/news'), { recursive: true });
    writeFileSync(
      join(site, 'src/settings/site.yaml'),
      '# The settings of your site.\nname: Maple Street\ndescription: A sample\ntimeZone: UTC\nannouncement:\n  text: Sample\n',
    );
    writeFileSync(join(site, 'src/content/news/sample.md'), '---\ntitle: Sample\n---\n');
    expect(() => writeMemberSite(drupal, { siteDir: join(site, 'nowhere') })).toThrow(/is not an Open Outreach site: it has no src\/settings\/site.yaml/);
    const first = writeMemberSite(drupal, { siteDir: site, replace: true });
    expect(first.applied.removed).toEqual(['src/content/news/sample.md']);
    const settings = readFileSync(join(site, 'src/settings/site.yaml'), 'utf8');
    expect(settings).toContain('# The settings of your site.\nname: Riverside Tenants\n');
    expect(settings).toContain('locales:\n  - en\n  - fr');
    expect(settings).not.toContain('announcement');
    expect(readFileSync(join(site, 'src/assets/resources/handbook.pdf'), 'utf8')).toBe('bytes of handbook.pdf');
    expect(readFileSync(join(site, 'src/settings/redirects.yaml'), 'utf8')).toContain('  - from: /node/5\n    to: /news/spring-fair/\n');
    const report = readFileSync(join(site, 'import-report.md'), 'utf8');
    expect(report).toContain('| News posts | 1 |');
    expect(report).toContain('- webform content: 1');
    expect(report).toContain('- comment: 12');
    const second = writeMemberSite(drupal, { siteDir: site, replace: true });
    expect(second.applied.written).toEqual([]);
    expect(second.applied.removed).toEqual([]);
  });

  it('keeps an existing site’s own home page, and refuses to overwrite other files it did not write', () => {
    const site = mkdtempSync(join(tmpdir(), 'oo-import-site-'));
    mkdirSync(join(site, 'src/content/pages'), { recursive: true });
    mkdirSync(join(site, 'src/settings'), { recursive: true });
    writeFileSync(join(site, 'src/settings/site.yaml'), 'name: Maple Street\n');
    writeFileSync(join(site, 'src/content/pages/home.md'), '---\ntitle: Home\n---\n');
    expect(() =>
      writeMemberSite({ ...drupal, site: { ...drupal.site, languages: ['en'] }, nodes: drupal.nodes.filter((n) => n.language === 'en') }, { siteDir: site }),
    ).toThrow(/would overwrite 1 file\(s\) of the site that it did not write:\n {4}src\/content\/pages\/home.md\n {2}Fix: .*--replace-content/);
  });
});
