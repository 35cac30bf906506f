import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { create } from '../create.mjs';
import { askOptions, siteAndBase } from './ask-options.mjs';
import { localTimeZone, parseArguments } from './read-options.mjs';

const cwd = mkdtempSync(join(tmpdir(), 'create-openoutreach-ask-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/**
 * A terminal: streams that say they are TTYs. Each answer is typed (with Enter) once the screen
 * shows its question, as a person would; `screen()` is what was shown, without escape codes.
 */
function terminal(answers: [question: string, answer: string][]) {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 200 });
  let shown = '';
  let next = 0;
  output.on('data', (chunk) => {
    shown += chunk;
    const [question, answer] = answers[next] ?? [];
    if (question !== undefined && stripVTControlCharacters(shown).includes(question)) {
      next++;
      setImmediate(() => input.write(`${answer}\r`));
    }
  });
  return { input, output, screen: () => stripVTControlCharacters(shown) };
}

const ask = (argv: string[], io: ReturnType<typeof terminal>) => askOptions(parseArguments(argv), { cwd, input: io.input, output: io.output });

describe('in a terminal, the command asks for what the options leave out', () => {
  test('folder, name, languages, host, repository, time zone and address, with suggestions Enter takes', async () => {
    const io = terminal([
      ['Folder for the site (my-group-site): ', 'riverside-tenants'],
      ["Your group's name (Riverside Tenants): ", ''],
      ['Languages, the main one first; the kit speaks en, fr, es (en): ', 'es, en'],
      ['Where it will be published: github, gitlab, codeberg, netlify, cloudflare, coop (github): ', 'netlify'],
      ['Its repository on GitHub, as owner/name (Enter to skip): ', 'riverside/website'],
      [`Time zone of the group (${localTimeZone()}): `, 'Europe/Paris'],
      ["The site's address, if you know it", 'https://riverside.example'],
    ]);
    expect(await ask([], io)).toMatchObject({
      folder: 'riverside-tenants',
      name: 'Riverside Tenants',
      languages: 'es,en',
      host: 'netlify',
      repo: 'riverside/website',
      timeZone: 'Europe/Paris',
      site: 'https://riverside.example',
    });
  });

  test('on GitHub, GitLab or Codeberg Pages, the address suggested is the repository’s project site', async () => {
    const io = terminal([
      ['Where it will be published', ''],
      ['Its repository on GitHub', 'https://github.com/Riverside/website'],
      ['Time zone of the group', ''],
      ["The site's address (https://riverside.github.io/website/): ", ''],
    ]);
    expect(await ask(['site', '--name', 'R', '--languages', 'en'], io)).toMatchObject({
      host: 'github',
      repo: 'Riverside/website',
      site: 'https://riverside.github.io',
      base: '/website/',
    });
  });

  test('asks nothing the options give', async () => {
    const io = terminal([["The site's address", '']]);
    const args = await ask(['site', '--name', 'Riverside', '--languages', 'fr', '--host', 'coop', '--repo', 'r/w', '--time-zone', 'UTC'], io);
    expect(args).toMatchObject({ folder: 'site', name: 'Riverside', languages: 'fr', site: undefined });
    expect(io.screen()).not.toContain('Folder');
    expect(io.screen()).not.toContain('name');
  });

  test('a wrong answer is explained and asked again', async () => {
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken/notes.txt'), 'mine');
    const io = terminal([
      ['Folder for the site', 'taken'],
      ['Folder for the site', 'free'],
      ["Your group's name", 'Free'],
      ['Languages', 'en,de'],
      ['Languages', 'en'],
      ['Where it will be published', 'heroku'],
      ['Where it will be published', 'coop'],
      ['Its repository', ''],
      ['Time zone', 'Paris'],
      ['Time zone', 'Europe/Paris'],
      ["The site's address", 'riverside.example'],
      ["The site's address", 'https://us.github.io/riverside/'],
    ]);
    expect(await ask([], io)).toMatchObject({ folder: 'free', languages: 'en', site: 'https://us.github.io', base: '/riverside/' });
    expect(io.screen()).toContain('The folder taken already exists and is not empty (it holds notes.txt).');
    expect(io.screen()).toContain('"en,de": the kit does not speak de.\n  Fix: list codes from en, fr, es, the main language first, e.g. en,es');
    expect(io.screen()).toContain('"heroku" is not a host the kit publishes to.');
    expect(io.screen()).toContain('"Paris" is not a time zone.');
    expect(io.screen()).toContain('"riverside.example" is not a whole web address.\n  Fix: write it with https:// in front, e.g. https://riverside.example');
  });

  test('a folder in use, given in the arguments, stops before any question', async () => {
    mkdirSync(join(cwd, 'in-use'));
    writeFileSync(join(cwd, 'in-use/notes.txt'), 'mine');
    const io = terminal([]);
    const lines: string[] = [];
    const code = await create(['in-use'], { cwd, input: io.input, output: io.output, log: (line) => lines.push(line) });
    expect(code).toBe(2);
    expect(lines.join('\n')).toContain('The folder in-use already exists and is not empty');
    expect(io.screen()).not.toContain("Your group's name");
  });

  test('Ctrl+C stops with nothing written', async () => {
    const io = terminal([['Folder for the site', '\x03']]);
    const lines: string[] = [];
    const code = await create([], { cwd, input: io.input, output: io.output, log: (line) => lines.push(line) });
    expect(code).toBe(2);
    expect(lines.join('\n')).toContain('Stopped. Nothing was written.');
  });

  test('--yes asks nothing, in a terminal too', async () => {
    const io = terminal([]);
    const lines: string[] = [];
    const code = await create(['yes-site', '--yes', '--no-install', '--no-git', '--dry-run'], {
      cwd,
      input: io.input,
      output: io.output,
      log: (line) => lines.push(line),
    });
    expect(code).toBe(0);
    expect(io.screen()).toBe('');
    expect(lines.join('\n')).toContain('The site of Yes Site would be in yes-site/.');
  });

  test('the answers make the site', async () => {
    const io = terminal([
      ['Folder for the site', 'answered'],
      ["Your group's name", 'Answered Union'],
      ['Languages', ''],
      ['Where it will be published', ''],
      ['Its repository', ''],
      ['Time zone', 'UTC'],
      ["The site's address", ''],
    ]);
    const lines: string[] = [];
    const code = await create(['--no-install', '--no-git', '--dry-run'], { cwd, input: io.input, output: io.output, log: (line) => lines.push(line) });
    expect(code).toBe(0);
    expect(lines.join('\n')).toContain('The site of Answered Union would be in answered/.');
  });
});

test('siteAndBase splits an address with a path, unless --base was given', () => {
  expect(siteAndBase('', undefined)).toEqual({ site: undefined, base: undefined });
  expect(siteAndBase('https://riverside.example/', undefined)).toEqual({ site: 'https://riverside.example', base: undefined });
  expect(siteAndBase('https://us.github.io/repo', undefined)).toEqual({ site: 'https://us.github.io', base: '/repo/' });
  expect(() => siteAndBase('https://us.github.io/repo', '/other/')).toThrow('has a path');
});
