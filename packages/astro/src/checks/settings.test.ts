import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSettings } from './settings.ts';

const SETTINGS = 'src/settings/site.yaml';
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A site folder holding the given files (relative path → content). */
function siteWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'oo-settings-'));
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('loadSettings', () => {
  it('reads and validates a valid settings file', () => {
    const root = siteWith({ [SETTINGS]: 'name: Riverside Tenants Union\ntimeZone: America/Vancouver\n' });
    const loaded = loadSettings(root, SETTINGS);
    expect(loaded.problems).toEqual([]);
    expect(loaded.settings).toMatchObject({ name: 'Riverside Tenants Union', timeZone: 'America/Vancouver', locales: ['en'] });
    expect(loaded.logoPath).toBeUndefined();
  });

  it('reports a missing settings file and says how to create it', () => {
    const loaded = loadSettings(siteWith({}), SETTINGS);
    expect(loaded.settings).toBeUndefined();
    expect(loaded.problems).toEqual([
      { file: SETTINGS, field: '', message: 'the site settings file is missing', fix: expect.stringContaining(`create ${SETTINGS}`) },
    ]);
  });

  it('reads the settings file named in the options', () => {
    const root = siteWith({ 'config/site.yml': 'name: Elsewhere\n' });
    expect(loadSettings(root, 'config/site.yml').settings?.name).toBe('Elsewhere');
    expect(loadSettings(root, SETTINGS).problems[0]?.file).toBe(SETTINGS);
  });

  it('gives the absolute path of a logo that exists, relative to the settings file', () => {
    const root = siteWith({
      [SETTINGS]: 'name: x\nlogo:\n  src: ../assets/logo.svg\n  alt: Riverside\n',
      'src/assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const loaded = loadSettings(root, SETTINGS);
    expect(loaded.problems).toEqual([]);
    expect(loaded.logoPath).toBe(join(root, 'src/assets/logo.svg'));
  });

  it('gives the path of the default share image, and names the field when its file is missing', () => {
    const yaml = 'name: x\nshareImage:\n  src: ../assets/share.jpg\n  alt: Neighbours at the festival\n';
    const root = siteWith({ [SETTINGS]: yaml, 'src/assets/share.jpg': 'jpeg' });
    expect(loadSettings(root, SETTINGS).shareImagePath).toBe(join(root, 'src/assets/share.jpg'));
    expect(loadSettings(siteWith({ [SETTINGS]: yaml }), SETTINGS).problems).toMatchObject([
      { field: 'shareImage.src', message: 'the share image file "../assets/share.jpg" does not exist (looked for src/assets/share.jpg)' },
    ]);
  });

  it('reports a logo file that does not exist, saying where it looked', () => {
    const root = siteWith({ [SETTINGS]: 'name: x\nlogo:\n  src: ../assets/logo.svg\n  alt: Riverside\n' });
    const loaded = loadSettings(root, SETTINGS);
    expect(loaded.settings).toBeUndefined();
    expect(loaded.problems).toEqual([
      expect.objectContaining({
        file: SETTINGS,
        field: 'logo.src',
        message: 'the logo file "../assets/logo.svg" does not exist (looked for src/assets/logo.svg)',
      }),
    ]);
  });

  it('reports invalid fields with the file, the field and the fix', () => {
    const root = siteWith({ [SETTINGS]: 'name: x\ncolours:\n  primary: red\ntimeZone: Mars/Base\ncolor: blue\n' });
    const { settings, problems } = loadSettings(root, SETTINGS);
    expect(settings).toBeUndefined();
    expect(problems.map((problem) => problem.field).sort()).toEqual(['color', 'colours.primary', 'timeZone']);
    expect(problems.every((problem) => problem.file === SETTINGS && problem.fix)).toBe(true);
    expect(problems.find((problem) => problem.field === 'color')).toMatchObject({
      message: '"color" is not a field of this settings file',
      fix: expect.stringContaining('did you mean "colours"?'),
    });
  });

  it('reports a missing name', () => {
    const root = siteWith({ [SETTINGS]: 'tagline: hello\n' });
    expect(loadSettings(root, SETTINGS).problems).toEqual([expect.objectContaining({ field: 'name', message: expect.stringContaining('is missing') })]);
  });

  it('reports YAML that cannot be read, with its line', () => {
    const root = siteWith({ [SETTINGS]: 'name: x\ntagline: a: b\n' });
    expect(loadSettings(root, SETTINGS).problems).toEqual([
      expect.objectContaining({ file: SETTINGS, message: expect.stringMatching(/^the YAML at line 2 cannot be read/) }),
    ]);
  });

  it.each([
    ['logo', '../../../secret.png', "leads out of the site's src/ folder"],
    ['logo', '../../../../../../etc/secret.png', "leads out of the site's src/ folder"],
    ['logo', '..\\..\\..\\secret.png', 'uses \\ between folders'],
    ['logo', '/etc/secret.png', 'is a place on a computer'],
    ['logo', 'C:\\secret.png', 'is a place on a computer'],
    ['shareImage', '../../../secret.png', "leads out of the site's src/ folder"],
    ['shareImage', '../assets\\..\\..\\..\\secret.png', 'uses \\ between folders'],
    ['shareImage', '/etc/secret.png', 'is a place on a computer'],
  ])('refuses a %s at %j, outside the site', (field, src, message) => {
    const root = siteWith({ [SETTINGS]: `name: x\n${field}:\n  src: ${JSON.stringify(src)}\n  alt: X\n`, 'secret.png': 'png' });
    writeFileSync(join(root, '..', 'secret.png'), 'png');
    const loaded = loadSettings(root, SETTINGS);
    expect(loaded.settings).toBeUndefined();
    expect(loaded.problems).toEqual([
      {
        file: SETTINGS,
        field: `${field}.src`,
        message: expect.stringContaining(message),
        fix: expect.stringMatching(/e\.g\. "\.\.\/assets\/(logo\.png|share\.jpg)"/),
      },
    ]);
  });

  it('refuses a logo that is a symlink to a file outside the site', () => {
    const root = siteWith({ [SETTINGS]: 'name: x\nlogo:\n  src: ../assets/logo.png\n  alt: X\n', 'outside/secret.png': 'png' });
    mkdirSync(join(root, 'src/assets'), { recursive: true });
    symlinkSync(join(root, 'outside/secret.png'), join(root, 'src/assets/logo.png'));
    expect(loadSettings(root, SETTINGS).problems).toEqual([
      expect.objectContaining({ field: 'logo.src', message: '"../assets/logo.png" is a link (symlink) to a file outside the site\'s src/ folder' }),
    ]);
  });

  it.each(['javascript:alert(document.domain)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '//evil.example/'])(
    'refuses the social link %j, naming the field and the fix',
    (url) => {
      const root = siteWith({ [SETTINGS]: `name: x\nsocial:\n  - network: mastodon\n    url: ${JSON.stringify(url)}\n` });
      expect(loadSettings(root, SETTINGS).problems).toEqual([
        {
          file: SETTINGS,
          field: 'social[0].url',
          message: expect.stringContaining(JSON.stringify(url)),
          fix: 'write a full web address starting with https:// (e.g. https://example.org/page).',
        },
      ]);
    },
  );
});
