import { createReadStream, createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrupalSite } from '../model.ts';
import { connect } from './connection.ts';
import { DrupalReadError, readDrupalSite, startPrivateMariaDb, type PrivateMariaDb } from './index.ts';
import { loadDump, type LoadedDump } from './load-dump.ts';
import { wallClock } from './dates.ts';

const fixture = fileURLToPath(new URL('../../../../tests/fixtures/drupal7/', import.meta.url));
const dumpFile = `${fixture}drupal7.sql`;
const filesDir = `${fixture}files`;

let server: PrivateMariaDb;
let loaded: LoadedDump;
let site: DrupalSite;
const steps = new Set<string>();

beforeAll(async () => {
  server = await startPrivateMariaDb();
  loaded = await loadDump(dumpFile, server.url);
  site = await readDrupalSite({ url: loaded.url }, { filesDir, onProgress: (step) => steps.add(step) });
}, 120_000);

afterAll(async () => {
  await loaded?.dispose();
  await server?.stop();
});

const node = (nid: number) => {
  const found = site.nodes.find((n) => n.nid === nid);
  if (!found) throw new Error(`node ${nid} not read`);
  return found;
};

describe('readDrupalSite on the Open Outreach fixture', () => {
  it('reads the dump its generator writes (edit generate.mjs, not the dump)', async () => {
    const generator = new URL('../../../../tests/fixtures/drupal7/lib/site.mjs', import.meta.url).href;
    const { fixtureSql } = (await import(generator)) as { fixtureSql: () => string };
    expect(readFileSync(dumpFile, 'utf8') === fixtureSql(), 'drupal7.sql is out of date: npm exec -- node tests/fixtures/drupal7/generate.mjs').toBe(true);
  });

  it('reads the site settings, languages and logo', () => {
    expect(site.site).toMatchObject({
      name: 'Riverside Tenants’ Association',
      slogan: 'Homes for everyone along the river',
      mail: 'info@riverside-tenants.example',
      timezone: 'America/Toronto',
      defaultLanguage: 'en',
      languages: ['en', 'fr'],
      languageNames: { en: 'English', fr: 'Français' },
      frontPage: 'home',
    });
    expect(site.site.logo).toMatchObject({ uri: 'public://logo.png', path: `${filesDir}/logo.png` });
    expect([...steps]).toEqual(expect.arrayContaining(['settings', 'files', 'nodes', 'menus']));
  });

  it('reads every node but places, published or not, in its current revision', () => {
    expect(site.nodes).toHaveLength(37);
    expect(site.places.map((p) => p.nid)).toEqual([27, 28, 29]);
    expect(node(11).status).toBe(0);
    expect(node(8)).toMatchObject({ title: 'First meeting of the season', vid: 10, body: { summary: 'Forty neighbours came.' } });
    expect(node(8).body?.value).toContain('Forty neighbours');
    // A newer draft revision exists; the current one is what the site shows.
    expect(node(14).body?.value).toBe('<p>The members adopted the budget.</p>');
    expect(node(13).title).toBe('Права арендаторов・借家人の権利');
    expect(node(16).author).toBe('ana');
    expect(node(10).body?.value).toContain('<script>');
    expect(node(6).body?.value).toContain('[[{"type":"media"');
  });

  it('keeps translation sets and book outlines', () => {
    expect([node(38).tnid, node(39).tnid, node(39).language]).toEqual([38, 38, 'fr']);
    expect([node(1).tnid, node(7).tnid]).toEqual([1, 1]);
    expect(node(1).bookParent).toBeUndefined();
    expect([node(2).bookParent, node(4).bookParent, node(6).bookParent]).toEqual([1, 3, 5]);
  });

  it('reads images with their alt text and reports the missing ones', () => {
    expect(node(8).images).toEqual([
      expect.objectContaining({ fid: 1, alt: 'Volunteers planting tomatoes', title: 'Planting day', path: `${filesDir}/article/garden.jpg` }),
    ]);
    expect(node(12).images[0]).toMatchObject({ fid: 2, uri: 'public://article/missing-photo.jpg' });
    expect(node(12).images[0]?.path).toBeUndefined();
    expect(site.problems).toContainEqual({ where: 'node/12', message: expect.stringContaining('public://article/missing-photo.jpg') });
    expect(site.problems).toContainEqual({ where: 'file/2', message: expect.stringContaining('not in the files folder') });
    expect(node(8).tags).toEqual([1, 4]);
  });

  it('reads media as file entities, remote videos included', () => {
    const byFid = new Map(site.media.map((m) => [m.fid, m]));
    expect(byFid.get(5)).toMatchObject({
      type: 'video',
      remoteUrl: 'https://www.youtube.com/watch?v=M7lc1UVf-VE',
      description: 'Our video about tenant rights.',
      tags: [1],
    });
    expect(byFid.get(6)?.remoteUrl).toBe('https://vimeo.com/76979871');
    expect(byFid.get(8)).toMatchObject({ alt: 'Tenants at the spring meeting', title: 'Spring meeting', tags: [1, 3] });
    expect(byFid.get(14)).toMatchObject({ filename: 'Café façade.jpg', path: `${filesDir}/media/Café façade.jpg` });
    expect(byFid.get(7)).toMatchObject({ type: 'document', mime: 'application/pdf' });
    expect(node(6).files?.map((f) => f.fid)).toEqual([8, 5]);
  });

  it('reads a weekly event across the end of daylight-saving time at the same local hour', () => {
    const event = node(21).event!;
    expect(event.rrule).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20261111T045959Z;WKST=SU');
    expect(event.dates).toHaveLength(5);
    expect(event.dates[0]).toEqual({ start: '2026-10-13T23:00:00Z', end: '2026-10-14T01:00:00Z', timezone: 'America/Toronto' });
    expect(event.dates[3]).toEqual({ start: '2026-11-04T00:00:00Z', end: '2026-11-04T02:00:00Z', timezone: 'America/Toronto' });
    expect(event.dates.map((d) => wallClock(d.start, d.timezone).time)).toEqual(Array(5).fill('19:00:00'));
    expect(event.placeNid).toBe(27);
    expect(event.allDay).toBeUndefined();
  });

  it('reads exception dates, all-day events and places', () => {
    expect(node(22).event).toMatchObject({ exdates: ['2026-12-24T05:00:00Z', '2026-12-31T05:00:00Z'], placeNid: 27 });
    expect(node(22).event?.dates).toHaveLength(4);
    expect(node(24).event).toMatchObject({ allDay: true, dates: [{ start: '2026-07-18T04:00:00Z', end: '2026-07-20T03:59:59Z' }] });
    expect(node(26).event?.placeNid).toBe(28);
    expect(site.places[0]).toEqual({
      nid: 27,
      title: 'Riverside Community Centre',
      language: 'und',
      status: 1,
      street: '120 River Street, Room 2',
      city: 'Toronto',
      region: 'ON',
      postalCode: 'M5A 1A1',
      country: 'CA',
      lat: 43.6555,
      lon: -79.3556,
    });
    expect(site.places[2]).toEqual({ nid: 29, title: 'Online', language: 'und', status: 1 });
  });

  it('reads links, bios, terms, menus and aliases', () => {
    expect(node(30).link).toEqual({ url: 'https://www.toronto.ca/community-people/housing-shelter/' });
    expect(node(30).tags).toEqual([30]);
    expect(node(34).link).toEqual({ url: 'node/5', title: 'Get involved' });
    expect(node(34).fields.field_kicker).toEqual({ value: 'Campaign', format: 'plain_text' });
    expect(site.people.map((p) => p.name)).toEqual(['Ana Pérez', 'Bob Li', 'Zoë']);
    expect(site.people[0]).toMatchObject({
      uid: 2,
      alias: 'people/ana-perez',
      image: { fid: 13 },
      fields: { field_bio: { value: '<p>Ana chairs the association since 2019.</p>' } },
    });
    expect(site.terms.find((t) => t.tid === 41)).toMatchObject({ vocabulary: 'location_region', name: 'Toronto', parent: 40 });
    expect(new Set(site.menus.map((m) => m.menu))).toEqual(new Set(['main-menu', 'menu-footer']));
    expect(site.menus.find((m) => m.path === 'node/2')).toMatchObject({ title: 'History', parent: 2 });
    expect(site.menus.find((m) => m.path === 'node/11')?.hidden).toBe(true);
    expect(site.menus.find((m) => m.path === 'node/7')?.language).toBe('fr');
    expect(site.menus.find((m) => m.menu === 'menu-footer' && m.external)?.path).toBe('https://www.toronto.ca/');
    expect(site.aliases.filter((a) => a.source === 'node/8').map((a) => a.alias)).toEqual(['news/first-meeting', 'news/first-meeting-of-the-season']);
    expect(site.aliases.filter((a) => a.alias === 'garden').map((a) => [a.source, a.language])).toEqual([
      ['node/38', 'en'],
      ['node/39', 'fr'],
    ]);
    expect(site.aliases.filter((a) => a.alias === 'events/clinic')).toHaveLength(2);
  });

  it('lists what it does not import', () => {
    expect(Object.fromEntries(site.notImported.map((n) => [n.kind, n.count]))).toEqual({ webform: 1, comment: 5, contact: 2, user: 4 });
    expect(site.notImported.find((n) => n.kind === 'webform')?.note).toContain('3 submissions');
  });
});

describe('readDrupalSite on other databases', () => {
  it('loads a gzipped dump into a private MariaDB of its own', async () => {
    const gzipped = join(mkdtempSync(join(tmpdir(), 'oo-dump-')), 'drupal7.sql.gz');
    await pipeline(createReadStream(dumpFile), createGzip(), createWriteStream(gzipped));
    const fromDump = await readDrupalSite({ dumpFile: gzipped }, { filesDir });
    expect(fromDump.nodes).toHaveLength(37);
    expect(fromDump.site.name).toBe(site.site.name);
  }, 120_000);

  it('finds the table prefix of a prefixed site', async () => {
    const prefixed = await loadDump(dumpFile, server.url);
    try {
      const db = await connect(prefixed.url);
      for (const table of await db.tables()) await db.rows(`RENAME TABLE \`${table}\` TO \`d7_${table}\``);
      await db.close();
      const read = await readDrupalSite({ url: prefixed.url }, { filesDir });
      expect(read.nodes).toHaveLength(37);
      expect(read.aliases).toEqual(site.aliases);
    } finally {
      await prefixed.dispose();
    }
  }, 60_000);

  it('stops with a clear message on a database that is not Drupal 7 Open Outreach', async () => {
    const admin = await connect(loaded.url);
    try {
      const empty = loaded.url.replace(/\/oo_import_[^?]+/, '/empty_site');
      await admin.rows('CREATE DATABASE empty_site');
      await expect(readDrupalSite({ url: empty })).rejects.toThrow(/database "empty_site" has no tables/);
      await admin.rows("UPDATE {variable} SET value = 's:8:\"standard\";' WHERE name = 'install_profile'");
      await admin.rows("UPDATE {system} SET status = 0 WHERE name = 'openoutreach'");
      // Debut features on another profile are still Open Outreach's content types.
      expect((await readDrupalSite({ url: loaded.url })).nodes).toHaveLength(37);
      await admin.rows("UPDATE {system} SET status = 0 WHERE name LIKE 'debut%'");
      const error = await readDrupalSite({ url: loaded.url }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DrupalReadError);
      expect((error as Error).message).toMatch(
        /is a Drupal 7 site, but not an Open Outreach one: its install profile is "standard" \(variable install_profile\) and no Debut feature is enabled/,
      );
      await admin.rows('DROP TABLE {node_revision}');
      await expect(readDrupalSite({ url: loaded.url })).rejects.toThrow(/is not a Drupal 7 site: it has no `node_revision` table/);
    } finally {
      await admin.close();
    }
  });

  it('explains a bad URL, an unreachable server and a missing dump', async () => {
    await expect(readDrupalSite({ url: 'postgres://x@localhost/db' })).rejects.toThrow(/MySQL\/MariaDB only/);
    await expect(readDrupalSite({ url: 'mysql://root@localhost/' })).rejects.toThrow(/names no database/);
    await expect(readDrupalSite({ url: 'mysql://root:secret@localhost/db?socket=/nonexistent.sock' })).rejects.toThrow(
      /Could not connect to mysql:\/\/root:\*\*\*@localhost/,
    );
    await expect(readDrupalSite({ dumpFile: '/nonexistent/dump.sql' })).rejects.toThrow(/dump \/nonexistent\/dump.sql does not exist/);
  });
});
