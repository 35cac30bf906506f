import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upgrade } from './upgrade.mjs';

// A site of the kit at 0.1.0 in its own git repository, an upgrade package knowing one
// migration of 0.2.0, and an `npm` on the PATH that answers as a registry with 0.2.0 would.
let temp: string;
let site: string;
let packageDir: string;
let env: NodeJS.ProcessEnv;
let output: string[];

const SETTINGS = `# Settings
name: Maple Street
announcement:
  text: Volunteers wanted
  linkLabel: Sign up # the words of the link
  link: /news/
`;
const MIGRATION = `export const title = 'The announcement\\'s linkLabel is now linkText';
export function migrate(site) {
  site.editSettings((settings) => settings.rename(['announcement', 'linkLabel'], 'linkText'));
}
`;
const FAKE_NPM = `#!/bin/sh
case "$1" in
  view) case "$2" in *@latest|*@0.2.0) echo '"0.2.0"';; *@0.1.0) echo '"0.1.0"';; esac ;;
  install)
    echo '{"version":"0.2.0"}' > node_modules/@openoutreach/astro/package.json
    printf '# @openoutreach/astro\\n\\n## 0.2.0\\n\\n### Minor Changes\\n\\n- abc1234: linkText replaces linkLabel.\\n\\n## 0.1.0\\n\\n- First.\\n' > node_modules/@openoutreach/astro/CHANGELOG.md
    echo '{"lockfileVersion":3,"kit":"0.2.0"}' > package-lock.json ;;
  run) if [ "$2" = build ] && [ -n "$FAIL_BUILD" ]; then echo "src/settings/site.yaml: announcement.linkText: unknown field"; exit 1; fi
       echo "ran $2"; mkdir -p dist; echo built > dist/index.html ;;
esac
`;

const write = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: site, env, encoding: 'utf8' });
const run = (...argv: string[]) => upgrade(argv, { cwd: site, env, packageDir, log: (line: string) => output.push(line) });
const printed = () => output.join('\n');

beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'oo-upgrade-'));
  site = join(temp, 'site');
  packageDir = join(temp, 'upgrade');
  output = [];
  write(join(temp, 'bin/npm'), FAKE_NPM);
  chmodSync(join(temp, 'bin/npm'), 0o755);
  env = {
    ...process.env,
    PATH: `${join(temp, 'bin')}${delimiter}${process.env.PATH}`,
    GIT_AUTHOR_NAME: 'Techie',
    GIT_AUTHOR_EMAIL: 'techie@example.org',
    GIT_COMMITTER_NAME: 'Techie',
    GIT_COMMITTER_EMAIL: 'techie@example.org',
  };
  write(join(packageDir, 'package.json'), '{ "name": "@openoutreach/upgrade", "version": "0.2.0" }\n');
  write(join(packageDir, 'migrations/0.2.0/rename-link-label.mjs'), MIGRATION);
  const manifest = {
    name: 'maple-street',
    scripts: { build: 'astro build', check: 'openoutreach-check dist' },
    dependencies: { '@openoutreach/astro': '^0.1.0', '@openoutreach/theme-commons': '0.1.0', astro: '^7.3.5' },
  };
  write(join(site, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  write(join(site, 'package-lock.json'), '{"lockfileVersion":3,"kit":"0.1.0"}\n');
  write(join(site, 'astro.config.mjs'), 'export default {};\n');
  write(join(site, 'src/settings/site.yaml'), SETTINGS);
  write(join(site, '.gitignore'), 'node_modules/\ndist/\n');
  write(join(site, 'node_modules/@openoutreach/astro/package.json'), '{"version":"0.1.0"}\n');
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'The site');
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

describe('openoutreach-upgrade', () => {
  it('upgrades, migrates, builds, checks and commits only its own changes', async () => {
    expect(await run()).toBe(0);
    expect(printed()).toContain('Upgrading Open Outreach from 0.1.0 to 0.2.0.');
    expect(printed()).toContain("0.2.0 The announcement's linkLabel is now linkText: changed src/settings/site.yaml");
    expect(printed()).toMatch(
      /Building the site \(`npm run build`\)…\n5\. Checking the built site \(`npm run check`\)…\n6\. Committed "Upgrade Open Outreach from 0\.1\.0 to 0\.2\.0"/,
    );
    expect(git('status', '--porcelain')).toBe('');
    expect(git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(['package-lock.json', 'package.json', 'src/settings/site.yaml']);
    expect(git('log', '-1', '--format=%B')).toBe(
      "Upgrade Open Outreach from 0.1.0 to 0.2.0\n\nMigrations:\n- 0.2.0 The announcement's linkLabel is now linkText\n\nChanges in the kit:\n\n0.2.0:\n- abc1234: linkText replaces linkLabel. (@openoutreach/astro)\n\n",
    );
    expect(readFileSync(join(site, 'src/settings/site.yaml'), 'utf8')).toBe(SETTINGS.replace('linkLabel: Sign up', 'linkText: Sign up'));
    expect(JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')).dependencies).toEqual({
      '@openoutreach/astro': '^0.2.0',
      '@openoutreach/theme-commons': '0.2.0',
      astro: '^7.3.5',
    });
  });

  it('shows the diff in a dry run and changes nothing', async () => {
    expect(await run('--dry-run')).toBe(0);
    expect(printed()).toContain(`--- a/package.json
+++ b/package.json
@@ -5,8 +5,8 @@
     "check": "openoutreach-check dist"
   },
   "dependencies": {
-    "@openoutreach/astro": "^0.1.0",
-    "@openoutreach/theme-commons": "0.1.0",
+    "@openoutreach/astro": "^0.2.0",
+    "@openoutreach/theme-commons": "0.2.0",
     "astro": "^7.3.5"
   }
 }`);
    expect(printed()).toContain(`--- a/src/settings/site.yaml
+++ b/src/settings/site.yaml
@@ -2,5 +2,5 @@
 name: Maple Street
 announcement:
   text: Volunteers wanted
-  linkLabel: Sign up # the words of the link
+  linkText: Sign up # the words of the link
   link: /news/`);
    expect(printed()).toContain('Would run `npm install`.');
    expect(printed()).toContain('Nothing was changed (dry run).');
    expect(git('status', '--porcelain')).toBe('');
    expect(git('rev-list', '--count', 'HEAD').trim()).toBe('1');
  });

  it('refuses a repository with uncommitted changes, listing them', async () => {
    write(join(site, 'src/settings/site.yaml'), SETTINGS + 'tagline: new\n');
    write(join(site, 'notes.txt'), 'draft\n');
    expect(await run()).toBe(2);
    expect(printed()).toBe(
      'The site\'s repository has uncommitted changes:\n     M src/settings/site.yaml\n    ?? notes.txt\n  Fix: commit them (git add -A && git commit -m "…") or put them aside (git stash -u), then run the upgrade again. It wants its own changes to be the only ones, so you can review them.',
    );
    expect(readFileSync(join(site, 'package.json'), 'utf8')).toContain('"^0.1.0"');
  });

  it('stops on a failed build with its output, committing nothing, and says how to go back', async () => {
    env.FAIL_BUILD = '1';
    expect(await run('--no-check')).toBe(1);
    expect(printed()).toContain(
      '`npm run build` failed after the upgrade to 0.2.0 (exit code 1):\n  | src/settings/site.yaml: announcement.linkText: unknown field',
    );
    expect(printed()).toContain('Nothing is committed');
    expect(printed()).toContain('To go back to Open Outreach 0.1.0: git reset --hard && git clean -fd && npm ci');
    expect(git('rev-list', '--count', 'HEAD').trim()).toBe('1');
  });

  it('says when the site is already on the version asked for', async () => {
    expect(await run('--to', '0.1.0')).toBe(0);
    expect(printed()).toBe('The site is an Open Outreach site with nothing uncommitted.\nThe site already has Open Outreach 0.1.0. Nothing to do.');
  });

  it('names a version the registry does not have, and a malformed one', async () => {
    expect(await run('--to', '0.9.0')).toBe(2);
    expect(printed()).toContain(
      'Open Outreach 0.9.0 is not in the registry.\n  Fix: pick a published version (`npm view @openoutreach/astro versions` lists them)',
    );
    output = [];
    expect(await run('--to', 'next')).toBe(2);
    expect(printed()).toMatch(/^--to takes a version number such as 0\.3\.0, not "next"\.\n {2}Usage: npx @openoutreach\/upgrade@latest/);
  });

  it('says where to run it when the folder is not a site', async () => {
    expect(await upgrade([], { cwd: temp, env, packageDir, log: (line: string) => output.push(line) })).toBe(2);
    expect(printed()).toBe(
      `There is no package.json in ${temp}.\n  Fix: run the upgrade in your site's folder (the one with package.json and astro.config.mjs).`,
    );
  });

  it('prints its help', async () => {
    expect(await run('--help')).toBe(0);
    expect(printed()).toContain('--dry-run        show what would change');
  });
});
