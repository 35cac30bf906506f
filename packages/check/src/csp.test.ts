import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { page, removeSites, writeSite } from '../test/write-site.ts';
import { findBrowser, launchBrowser } from './browser.ts';
import { INTERACTIONS, visitForCsp } from './csp.ts';
import { cspGate } from './gates.ts';
import { serveSite, type SiteServer } from './serve.ts';

afterAll(removeSites);

const chromePath = findBrowser();
const POLICY = `<meta http-equiv="content-security-policy" content="default-src 'self'; frame-src https://player.example; img-src 'self'">`;
const PLAY = `<script src="/play.js"></script>`;
// The kit's play button in miniature: the click puts the player's iframe in the page.
const PLAY_SCRIPT = `document.addEventListener('click', (event) => { const button = event.target.closest('[data-embed-src]'); if (!button) return; const frame = document.createElement('iframe'); frame.src = button.dataset.embedSrc; frame.title = 'Player'; button.replaceWith(frame); });`;
const video = (src: string) => page('album', { head: POLICY + PLAY, body: `<h1>Video</h1><button type="button" data-embed-src="${src}">Play</button>` });

describe.skipIf(!chromePath)('visitForCsp in Chromium', { timeout: 60_000 }, () => {
  let browser: Browser;
  let server: SiteServer;
  beforeAll(async () => {
    browser = await launchBrowser(chromePath!);
    server = await serveSite(
      writeSite({
        'index.html': page('home', { head: POLICY, body: '<h1>Clean</h1>' }),
        'inline/index.html': page('page', { head: POLICY, body: '<h1>Inline</h1><script>document.title = "ran"</script><p style="color:red">styled</p>' }),
        'allowed/index.html': video('https://player.example/embed/1'),
        'refused/index.html': video('https://elsewhere.example/embed/1'),
        'play.js': PLAY_SCRIPT,
      }),
      '/',
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const visit = (path: string, interactions = [] as typeof INTERACTIONS) =>
    visitForCsp(browser, { path, url: server.origin + path, origin: server.origin, interactions });
  const play = INTERACTIONS.filter((interaction) => interaction.name.includes('video'));

  test('a page that keeps to its policy: nothing to report', async () => {
    expect(await visit('/')).toMatchObject({ violations: [], errors: [], actions: ['loading the page'] });
  });

  test('reports inline code the policy refuses, with the directive', async () => {
    const result = await visit('/inline/');
    expect(result.violations.map((violation) => [violation.directive, violation.blocked, violation.after])).toEqual(
      expect.arrayContaining([
        ['script-src-elem', 'inline', 'loading the page'],
        ['style-src-attr', 'inline', 'loading the page'],
      ]),
    );
  });

  test('a player the policy allows is no violation, though the check aborts the request', async () => {
    const result = await visit('/allowed/', play);
    expect(result).toMatchObject({ violations: [], errors: [], actions: ['loading the page', "pressing a video's play button"] });
  });

  // Chromium reports a refused frame by its origin only.
  test('a player from a host the policy does not name is reported after the click', async () => {
    const result = await visit('/refused/', play);
    expect(result.violations).toEqual([{ directive: 'frame-src', blocked: 'https://elsewhere.example', sample: '', after: "pressing a video's play button" }]);
    const gate = cspGate([result]);
    expect(gate.passed).toBe(false);
    expect(gate.failures).toEqual([{ where: '/refused/', detail: "frame-src refused https://elsewhere.example after pressing a video's play button" }]);
  });
});

describe('cspGate', () => {
  test('passes with no violation and says what was done', () => {
    const gate = cspGate([{ path: '/', violations: [], errors: [], actions: ['loading the page', 'searching'] }]);
    expect(gate).toMatchObject({ id: 'csp', passed: true, summary: '0 violations or errors on 1 page, also after searching' });
  });

  test('names the pages that carry no policy of their own in a note, without failing', () => {
    const tags = (meta: boolean) =>
      meta
        ? [
            {
              name: 'meta',
              attributes: new Map([
                ['http-equiv', 'Content-Security-Policy'],
                ['content', "default-src 'self'"],
              ]),
            },
          ]
        : [];
    const pages = [
      { file: 'index.html', path: '/', type: 'home', lang: 'en', tags: tags(true) },
      { file: 'own/index.html', path: '/own/', type: undefined, lang: 'en', tags: tags(false) },
    ];
    const gate = cspGate([{ path: '/', violations: [], errors: [], actions: ['loading the page'] }], pages);
    expect(gate.passed).toBe(true);
    expect(gate.notes).toEqual(['1 page has no Content-Security-Policy <meta> (only a header from the host could protect it): /own/']);
  });

  test('fails on a script error, naming what was done before it', () => {
    const gate = cspGate([
      {
        path: '/search/',
        violations: [{ directive: 'script-src', blocked: 'wasm-eval', sample: '', after: 'searching' }],
        errors: [{ message: 'CompileError: x', after: 'searching' }],
        actions: [],
      },
    ]);
    expect(gate.failures.map((failure) => failure.detail)).toEqual([
      'script-src refused compiling WebAssembly after searching',
      'script error after searching: CompileError: x',
    ]);
  });
});
