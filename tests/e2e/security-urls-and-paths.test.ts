import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../support/build.ts';
import { fixture, REPO_ROOT } from '../support/sites.ts';

/**
 * Hostile addresses and file paths, as an editor or a repository writer could put them in the
 * settings and the content of a site. Each scenario is the minimal fixture with files replaced;
 * its build must fail with a message naming the file, the field and the fix, and nothing from
 * outside the site's folder may reach dist/.
 */

const workspace = join(REPO_ROOT, 'tests/.output/security-urls-and-paths');
/** What each planted file outside the sites holds, so any copy of it in dist/ can be found. */
const SECRET = 'SECRET-OUTSIDE-THE-SITE';
/** A tiny valid PNG, so an image that escaped would be processed and published, not refused as broken. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const SECRET_PNG = Buffer.concat([PNG, Buffer.from(SECRET)]);

/** The integration with people, albums and resources on, so their files are checked too. */
const ALL_FEATURES_CONFIG =
  "import { defineConfig } from 'astro/config';\nimport openOutreach from '@openoutreach/astro';\nexport default defineConfig({ site: 'https://x.example', integrations: [openOutreach({ features: { people: true, albums: true, resources: true } })] });\n";

const yaml = JSON.stringify;

interface Scenario {
  name: string;
  files: Record<string, string | Buffer>;
  /** Symbolic links to create: path in the site → target. */
  links?: Record<string, string>;
  /** Text the build's message must contain, in this order of importance: the file, the field, what is wrong, the fix. */
  expect: string[];
}

const SCENARIOS: Scenario[] = [
  {
    name: 'script and data links in the social profiles',
    files: {
      'src/settings/site.yaml': [
        'name: X',
        'social:',
        `  - network: mastodon\n    url: ${yaml('javascript:alert(document.domain)')}`,
        `  - network: website\n    url: ${yaml('JaVaScRiPt:alert(1)')}`,
        `  - network: github\n    url: ${yaml(' javascript:alert(1)')}`,
        `  - network: x\n    url: ${yaml('java\tscript:alert(1)')}`,
        `  - network: facebook\n    url: ${yaml('data:text/html,<script>alert(1)</script>')}`,
        `  - network: instagram\n    url: ${yaml('vbscript:msgbox(1)')}`,
        `  - network: bluesky\n    url: ${yaml('//evil.example/')}`,
        '',
      ].join('\n'),
    },
    expect: [
      'src/settings/site.yaml',
      'social[0].url: "social[0].url": "javascript:alert(document.domain)" starts with "javascript:", which the site does not publish as a link',
      'Fix: write a full web address starting with https:// (e.g. https://example.org/page).',
      'social[1].url: "social[1].url": "JaVaScRiPt:alert(1)" starts with "JaVaScRiPt:"',
      'social[2].url: "social[2].url": "javascript:alert(1)" starts with "javascript:"',
      'social[3].url: "social[3].url": "java\\tscript:alert(1)" contains an invisible or control character',
      'social[4].url: "social[4].url": "data:text/html,<script>alert(1)</script>" starts with "data:"',
      'social[5].url: "social[5].url": "vbscript:msgbox(1)" starts with "vbscript:"',
      'social[6].url: "social[6].url": "//evil.example/" starts with two slashes, which leads to another site',
    ],
  },
  {
    name: 'links to another site disguised as paths of this one',
    files: {
      'src/settings/site.yaml': [
        'name: X',
        'navigation:',
        '  header:',
        `    - label: A\n      href: ${yaml('//evil.example/')}`,
        `    - label: B\n      href: ${yaml('/\\evil.example/')}`,
        `    - label: C\n      href: ${yaml('\\\\evil.example/')}`,
        `    - label: D\n      href: ${yaml('/%2F%2Fevil.example/')}`,
        `    - label: E\n      href: ${yaml('/%5Cevil.example/')}`,
        '  footer:',
        `    - label: F\n      href: /about/\n      children:\n        - label: G\n          href: ${yaml('javascript:alert(1)')}`,
        'announcement:',
        '  text: Hello',
        `  link: ${yaml('https://trusted.example@evil.example/')}`,
        '',
      ].join('\n'),
    },
    expect: [
      'src/settings/site.yaml',
      'navigation.header[0].href: "navigation.header[0].href" (Link): "//evil.example/" starts with two slashes, which leads to another site',
      'navigation.header[1].href: "navigation.header[1].href" (Link): "/\\\\evil.example/" contains a backslash',
      'Fix: write / instead of \\;',
      'navigation.header[2].href: "navigation.header[2].href" (Link): "\\\\\\\\evil.example/" contains a backslash',
      'navigation.header[3].href: "navigation.header[3].href" (Link): "/%2F%2Fevil.example/" starts with two slashes',
      'navigation.header[4].href: "navigation.header[4].href" (Link): "/%5Cevil.example/" starts with two slashes',
      'navigation.footer[0].children[0].href:',
      'announcement.link: "announcement.link" (Link): "https://trusted.example@evil.example/" has a name and an @ before the site',
    ],
  },
  {
    name: 'a donation page and form endpoints that are not https',
    files: {
      'src/settings/site.yaml': [
        'name: X',
        'giving:',
        '  buttons:',
        `    - provider: other\n      url: ${yaml('javascript:alert(1)')}`,
        `    - provider: other\n      url: ${yaml('http://donate.example.org/')}`,
        'forms:',
        '  contact:',
        '    provider: formspree',
        `    endpoint: ${yaml('data:text/html,x')}`,
        '  newsletter:',
        '    provider: listmonk',
        `    action: ${yaml('vbscript:msgbox(1)')}`,
        '    list: 8a7f0b3c-2d7e-4c1a-9d3e-5b6f7a8c9d0e',
        '',
      ].join('\n'),
    },
    expect: [
      'src/settings/site.yaml',
      'giving.buttons[0].url: "giving.buttons[0].url" (Address): "javascript:alert(1)" starts with "javascript:"',
      'giving.buttons[1].url: "giving.buttons[1].url" (Address): "http://donate.example.org/" is not encrypted (http://)',
      'Fix: write https:// instead of http://',
      'forms.contact.endpoint: "forms.contact.endpoint" (Form address (endpoint)): "data:text/html,x" starts with "data:"',
      'forms.newsletter.action: "forms.newsletter.action" (Sign-up address): "vbscript:msgbox(1)" starts with "vbscript:"',
    ],
  },
  {
    name: 'a logo from outside the site',
    files: { 'src/settings/site.yaml': 'name: X\nlogo:\n  src: ../../../secret.png\n  alt: X\n' },
    expect: [
      'src/settings/site.yaml',
      'logo.src: "../../../secret.png" leads out of the site\'s src/ folder, so it cannot be published',
      'Fix: keep the file in the site, e.g. in src/assets/',
    ],
  },
  {
    name: 'a share image with backslashes',
    files: { 'src/settings/site.yaml': `name: X\nshareImage:\n  src: ${yaml('..\\..\\..\\secret.png')}\n  alt: X\n` },
    expect: [
      'src/settings/site.yaml',
      'shareImage.src: "..\\\\..\\\\..\\\\secret.png" uses \\ between folders',
      'Fix: give the path relative to this file with / between folders, e.g. "../assets/share.jpg"',
    ],
  },
  {
    name: 'resource documents from outside the site',
    files: {
      'astro.config.mjs': ALL_FEATURES_CONFIG,
      'src/content/resources/backslashes.md': `---\ntitle: Leak\ntype: guide\nlink: ${yaml('..\\..\\..\\..\\secret.pdf')}\n---\n`,
      'src/content/resources/mixed.md': `---\ntitle: Leak\ntype: guide\nlink: ${yaml('../../assets\\..\\..\\..\\secret.pdf')}\n---\n`,
      'src/content/resources/climbing.md': '---\ntitle: Leak\ntype: guide\nlink: ../../../../secret.pdf\n---\n',
      'src/content/resources/site-root.md': '---\ntitle: Leak\ntype: guide\nlink: ../../../root-secret.pdf\n---\n',
      'src/content/resources/absolute.md': '---\ntitle: Leak\ntype: guide\nlink: /etc/passwd.pdf\n---\n',
      'src/content/resources/drive.md': `---\ntitle: Leak\ntype: guide\nlink: ${yaml('C:\\Users\\sam\\secret.pdf')}\n---\n`,
      'src/content/resources/script.md': `---\ntitle: Leak\ntype: link\nlink: ${yaml('javascript:alert(1)')}\n---\n`,
      'src/content/resources/linked.md': '---\ntitle: Leak\ntype: guide\nlink: ../../assets/resources/linked.pdf\n---\n',
      'root-secret.pdf': SECRET,
    },
    links: { 'src/assets/resources/linked.pdf': '../../../../secret.pdf' },
    expect: [
      'src/content/resources/backslashes.md',
      'link: "link" (File or web address): "..\\\\..\\\\..\\\\..\\\\secret.pdf" uses \\ between folders',
      'Fix: give the path relative to this file with / between folders, e.g. "../../assets/resources/handbook.pdf"',
      'src/content/resources/mixed.md',
      'src/content/resources/climbing.md',
      'link: "../../../../secret.pdf" leads out of the site\'s src/ folder, so it cannot be published',
      'src/content/resources/site-root.md',
      'link: "../../../root-secret.pdf" leads out of the site\'s src/ folder',
      'src/content/resources/absolute.md',
      'link: "link" (File or web address): "/etc/passwd.pdf" is a place on a computer, not a file of the site',
      'src/content/resources/drive.md',
      'src/content/resources/script.md',
      'link: "link" (File or web address): "javascript:alert(1)" starts with "javascript:"',
      'src/content/resources/linked.md',
      'link: "../../assets/resources/linked.pdf" is a link (symlink) to a file outside the site\'s src/ folder',
    ],
  },
  {
    name: 'images from outside the site in fields',
    files: {
      'astro.config.mjs': ALL_FEATURES_CONFIG,
      'src/content/people/sam.md': '---\nname: Sam\nphoto:\n  src: ../../../../secret.png\n  alt: Sam\n---\n',
      'src/content/albums/fair.md': `---\ntitle: Fair\ndate: 2026-05-01\nphotos:\n  - src: ../../assets/ok.png\n    alt: Fine\n  - src: ${yaml('..\\..\\..\\..\\secret.png')}\n    alt: X\n---\n`,
      'src/content/news/first-post.md': `---\ntitle: Cover\ndate: 2026-05-01\ncover:\n  src: ${yaml(join(workspace, 'secret.png'))}\n  alt: X\n---\n`,
      'src/content/pages/about.md': '---\ntitle: About\nhero:\n  src: ../../assets/linked.png\n  alt: X\n---\n',
      'src/assets/ok.png': PNG,
    },
    links: { 'src/assets/linked.png': '../../../secret.png' },
    expect: [
      'src/content/people/sam.md',
      'photo.src: "../../../../secret.png" leads out of the site\'s src/ folder',
      'src/content/albums/fair.md',
      'photos[1].src: "..\\\\..\\\\..\\\\..\\\\secret.png" uses \\ between folders',
      'src/content/news/first-post.md',
      `cover.src: ${yaml(join(workspace, 'secret.png'))} is a place on a computer, not a file of the site`,
      'src/content/pages/about.md',
      'hero.src: "../../assets/linked.png" is a link (symlink) to a file outside the site\'s src/ folder',
    ],
  },
  {
    name: 'images from outside the site in Markdown',
    files: {
      'src/content/pages/about.md': '---\ntitle: About\n---\n![A secret](../../../../secret.png)\n',
      'src/content/pages/team.md': '---\ntitle: Team\n---\n![A secret](%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.png)\n',
      'src/content/news/first-post.md':
        '---\ntitle: Reference\ndate: 2026-05-01\n---\nText[^1] and ![a][s].\n\n[^1]: ![A secret](../../../../secret.png)\n\n[s]: ../../../../secret.png\n',
      'src/content/pages/dangerous.md': '---\ntitle: Dangerous\n---\n![A secret](../../assets/%zz.png)\n',
    },
    expect: [
      'src/content/pages/about.md',
      'body: the image "../../../../secret.png" leads out of the site\'s src/ folder, so it cannot be published',
      'src/content/pages/team.md',
      'src/content/news/first-post.md',
      'src/content/pages/dangerous.md',
      'body: the image address "../../assets/%zz.png" has a % that is not followed by two hexadecimal digits',
    ],
  },
  {
    name: 'a page and a public file linked to files outside the site',
    files: {},
    links: { 'src/content/pages/notes.md': '../../../../secret.md', 'public/notes.txt': '../../secret.pdf' },
    expect: [
      'src/content/pages/notes.md',
      "this is a link (symlink) to a file outside the site's folder",
      'public/notes.txt',
      "Fix: put the file itself here instead of a link (or remove the link), so that only the site's own files are published.",
    ],
  },
  {
    name: 'script links in content',
    files: {
      'astro.config.mjs': ALL_FEATURES_CONFIG,
      'src/content/pages/home.md': `---\ntitle: Home\nblocks:\n  - type: hero\n    action:\n      label: Go\n      href: ${yaml('JaVaScRiPt:alert(1)')}\n  - type: call-to-action\n    heading: Join\n    label: Join\n    href: ${yaml('//evil.example/')}\n---\n`,
      'src/content/events/meet.md': `---\ntitle: Meet\nstart: 2026-12-05T18:30\nonline: ${yaml('data:text/html,x')}\nregistration: ${yaml('vbscript:x')}\n---\n`,
      'src/content/people/sam.md': `---\nname: Sam\nlinks:\n  - label: Web\n    url: ${yaml('javascript:alert(1)')}\n---\n`,
      'src/content/albums/fair.md': `---\ntitle: Fair\ndate: 2026-05-01\nphotos:\n  - src: ../../assets/ok.png\n    alt: Fine\nvideos:\n  - url: ${yaml('javascript:alert(1)')}\n    title: X\n---\n`,
      'src/assets/ok.png': PNG,
    },
    expect: [
      'src/content/pages/home.md',
      'blocks[0].action.href: "blocks[0].action.href" (Button link): "JaVaScRiPt:alert(1)" starts with "JaVaScRiPt:"',
      'blocks[1].href: "blocks[1].href" (Button link): "//evil.example/" starts with two slashes',
      'src/content/events/meet.md',
      'online: "online" (Online meeting link): "data:text/html,x" starts with "data:"',
      'registration: "registration" (Registration link): "vbscript:x" starts with "vbscript:"',
      'src/content/people/sam.md',
      'links[0].url: "links[0].url" (Address): "javascript:alert(1)" starts with "javascript:"',
      'src/content/albums/fair.md',
      'videos[0].url:',
    ],
  },
];

/** Every file under `folder` (following no links), as absolute paths. */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile());
}

beforeAll(() => {
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(workspace, { recursive: true });
  // Planted beside the sites' folders: what an attacker would try to publish.
  writeFileSync(join(workspace, 'secret.pdf'), SECRET);
  writeFileSync(join(workspace, 'secret.png'), SECRET_PNG);
  writeFileSync(join(workspace, 'secret.md'), `---\ntitle: Private notes\n---\n${SECRET}\n`);
});

describe.each(SCENARIOS)('a site with $name', (scenario) => {
  test('fails with a message naming the file, the field and the fix, and publishes nothing from outside', async () => {
    const dir = join(workspace, scenario.name.replace(/\W+/g, '-'));
    cpSync(fixture('minimal'), dir, { recursive: true, filter: (source) => !/[\\/](dist|\.astro|node_modules)$/.test(source) });
    for (const [file, content] of Object.entries(scenario.files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), content);
    }
    for (const [file, target] of Object.entries(scenario.links ?? {})) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      symlinkSync(target, join(dir, file));
    }
    const { code, output } = await astroBuild(dir);
    expect(code, output).toBe(1);
    expect(output).toContain('Open Outreach found');
    for (const expected of scenario.expect) expect(output).toContain(expected);
    expect(output, 'no stack trace').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    const leaked = filesUnder(join(dir, 'dist')).filter((path) => readFileSync(path).includes(SECRET));
    expect(leaked, 'files from outside the site in dist/').toEqual([]);
  });
});
