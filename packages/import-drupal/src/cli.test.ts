import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import type { DrupalSite } from './model.ts';

const drupal: DrupalSite = {
  site: { name: 'Riverside Tenants', timezone: 'America/Toronto', defaultLanguage: 'en', languages: ['en'] },
  nodes: [
    {
      nid: 1,
      vid: 1,
      type: 'article',
      language: 'en',
      tnid: 0,
      title: 'Hello',
      status: 1,
      created: 1772366400,
      changed: 1772366400,
      tags: [],
      images: [],
      fields: {},
    },
  ],
  people: [],
  media: [],
  places: [],
  terms: [],
  menus: [],
  aliases: [],
  notImported: [],
  problems: [],
};

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'oo-import-cli-'));
  mkdirSync(join(dir, 'src/settings'), { recursive: true });
  writeFileSync(join(dir, 'src/settings/site.yaml'), 'name: Maple Street\n');
  writeFileSync(join(dir, 'dump.sql'), '-- a dump\n');
  return dir;
}

async function run(argv: string[]) {
  const lines: string[] = [];
  const sources: unknown[] = [];
  const code = await runCli(argv, {
    log: (line) => lines.push(line),
    read: async (source) => {
      sources.push(source);
      return drupal;
    },
  });
  return { code, output: lines.join('\n'), sources };
}

describe('openoutreach-import', () => {
  it('explains itself with --help', async () => {
    const { code, output } = await run(['--help']);
    expect(code).toBe(0);
    expect(output).toContain('Usage: openoutreach-import <dump.sql | mysql://');
  });

  it('says what is missing, with the usage, and exits 2 without reading anything', async () => {
    const dir = site();
    for (const [argv, message] of [
      [[join(dir, 'dump.sql')], 'Give the Drupal database and the site to import into.'],
      [[join(dir, 'nope.sql'), '--site', dir], 'nope.sql is neither a mysqldump file nor a mysql:// address.'],
      [[join(dir, 'dump.sql'), '--site', dir, '--files', join(dir, 'files')], "does not exist.\n  Fix: give the Drupal site's files folder"],
      [[join(dir, 'dump.sql'), '--site', dir, '--old-url', 'riverside'], '--old-url riverside is not a web address.'],
      [[join(dir, 'dump.sql'), '--site', dir, '--frobnicate'], "Unknown option '--frobnicate'"],
    ] as const) {
      const result = await run([...argv]);
      expect(result.code, result.output).toBe(2);
      expect(result.output).toContain(message);
      expect(result.sources).toEqual([]);
    }
  });

  it('refuses a folder that is not a member site, naming the command that makes one', async () => {
    const dir = site();
    const { code, output } = await run([join(dir, 'dump.sql'), '--site', join(dir, 'src')]);
    expect(code).toBe(2);
    expect(output).toContain(
      'is not an Open Outreach site: it has no src/settings/site.yaml.\n  Fix: make the site first, e.g. `npm create openoutreach@latest',
    );
  });

  it('reads a dump or a database address, writes nothing in a dry run, and imports otherwise', async () => {
    const dir = site();
    const dry = await run([join(dir, 'dump.sql'), '--site', dir, '--dry-run']);
    expect(dry.code, dry.output).toBe(0);
    expect(dry.sources).toEqual([{ dumpFile: join(dir, 'dump.sql') }]);
    expect(dry.output).toMatch(/Would write \d+ file\(s\)/);
    expect(existsSync(join(dir, 'import-report.md'))).toBe(false);
    const real = await run(['mysql://drupal:secret@db.example.org/drupal', '--site', dir]);
    expect(real.sources).toEqual([{ url: 'mysql://drupal:secret@db.example.org/drupal' }]);
    expect(real.output).toContain('Imported Riverside Tenants: 1 news');
    expect(readFileSync(join(dir, 'src/content/news/hello.md'), 'utf8')).toContain('title: Hello');
  });

  it('prints the reader’s own message for a database it does not recognise, without a stack trace', async () => {
    const dir = site();
    const lines: string[] = [];
    const failure = Object.assign(new Error('This database is not a Drupal 7 site: it has no `node` table.'), { name: 'DrupalReadError' });
    const code = await runCli([join(dir, 'dump.sql'), '--site', dir], { log: (line) => lines.push(line), read: () => Promise.reject(failure) });
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe('This database is not a Drupal 7 site: it has no `node` table.');
  });
});
