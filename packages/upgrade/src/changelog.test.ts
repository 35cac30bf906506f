import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changelogEntries, kitChanges } from './changelog.mjs';

const CORE = `# @openoutreach/core

## 0.3.0

### Minor Changes

- 1a2b3c4: The announcement's link text is \`linkText\` (it was \`linkLabel\`); the upgrade renames it.
  Sites written by hand: rename the field in src/settings/site.yaml.

### Patch Changes

- Updated dependencies [1a2b3c4]
  - @openoutreach/markdown@0.3.0

## 0.2.0

### Minor Changes

- 9f8e7d6: Albums of photos and videos.

## 0.1.0

### Minor Changes

- 0000000: First release.
`;

describe('changelog entries', () => {
  it('takes the entries after the old version up to the new one, without the dependency updates', () => {
    expect(changelogEntries(CORE, '0.1.0', '0.3.0')).toEqual([
      {
        version: '0.3.0',
        kind: 'Minor Changes',
        text: "1a2b3c4: The announcement's link text is `linkText` (it was `linkLabel`); the upgrade renames it.\nSites written by hand: rename the field in src/settings/site.yaml.",
      },
      { version: '0.2.0', kind: 'Minor Changes', text: '9f8e7d6: Albums of photos and videos.' },
    ]);
    expect(changelogEntries(CORE, '0.2.0', '0.2.0')).toEqual([]);
  });

  it('gathers the installed packages’ entries once each, oldest version first', () => {
    const site = mkdtempSync(join(tmpdir(), 'oo-upgrade-changelog-'));
    try {
      const changelogs: [string, string][] = [
        ['core', CORE],
        [
          'astro',
          CORE.replace('# @openoutreach/core', '# @openoutreach/astro').replace('- 9f8e7d6: Albums of photos and videos.', '- 5555555: Faster builds.'),
        ],
        ['theme-commons', '# @openoutreach/theme-commons\n'],
      ];
      for (const [name, text] of changelogs) {
        mkdirSync(join(site, 'node_modules/@openoutreach', name), { recursive: true });
        writeFileSync(join(site, 'node_modules/@openoutreach', name, 'CHANGELOG.md'), text);
      }
      const upgrade = join(site, 'upgrade');
      mkdirSync(upgrade);
      writeFileSync(join(upgrade, 'CHANGELOG.md'), '# @openoutreach/upgrade\n\n## 0.3.0\n\n### Minor Changes\n\n- 7777777: A migration for linkText.\n');
      expect(kitChanges(site, '0.1.0', '0.3.0', upgrade)).toEqual([
        '0.2.0:',
        '- 5555555: Faster builds. (@openoutreach/astro)',
        '- 9f8e7d6: Albums of photos and videos. (@openoutreach/core)',
        '',
        '0.3.0:',
        "- 1a2b3c4: The announcement's link text is `linkText` (it was `linkLabel`); the upgrade renames it.",
        '  Sites written by hand: rename the field in src/settings/site.yaml. (@openoutreach/astro, @openoutreach/core)',
        '- 7777777: A migration for linkText. (@openoutreach/upgrade)',
      ]);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
