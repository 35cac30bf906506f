import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, test } from 'vitest';
import type { Shot } from '../types.ts';
import { compareShots } from './compare.ts';

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const WHITE = [255, 255, 255];
const BLACK = [0, 0, 0];

/** A `width` × `height` white PNG with the given pixels (`[x, y, colour]`) painted. */
function png(width: number, height: number, painted: [number, number, number[]][] = []): Buffer {
  const image = new PNG({ width, height });
  for (let at = 0; at < image.data.length; at += 4) image.data.set([...WHITE, 255], at);
  for (const [x, y, colour] of painted) image.data.set([...colour, 255], (y * width + x) * 4);
  return PNG.sync.write(image);
}

/** A report folder with `before/` and `after/` shots of the given PNGs. */
function report(sides: { before: Record<string, Buffer>; after: Record<string, Buffer> }) {
  const dir = mkdtempSync(join(tmpdir(), 'oo-fleet-compare-'));
  folders.push(dir);
  const shotsOf = (side: 'before' | 'after'): Shot[] =>
    Object.entries(sides[side]).map(([key, bytes]) => {
      const [pageType, width, scheme] = key.split(' ') as [string, Shot['width'], Shot['scheme']];
      const file = `${side}/${pageType}-${width}-${scheme}.png`;
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), bytes);
      return { pageType, path: `/${pageType}/`, width, scheme, file };
    });
  return { dir, before: shotsOf('before'), after: shotsOf('after') };
}

const compare = (site: ReturnType<typeof report>, options: { threshold?: number; accepted?: (shot: Shot) => boolean } = {}) =>
  compareShots(site.before, site.after, { threshold: options.threshold ?? 0, outDir: join(site.dir, 'diff'), reportDir: site.dir, ...options });

const brief = (diffs: Awaited<ReturnType<typeof compareShots>>) =>
  diffs.map(({ pageType, width, scheme, changedPixels, changed, diff }) => ({ shot: `${pageType} ${width} ${scheme}`, changedPixels, changed, diff }));

describe('compareShots', () => {
  test('identical shots are unchanged and get no diff image', async () => {
    const site = report({ before: { 'home phone light': png(10, 20) }, after: { 'home phone light': png(10, 20) } });
    const diffs = await compare(site);
    expect(diffs).toEqual([
      {
        pageType: 'home',
        path: '/home/',
        width: 'phone',
        scheme: 'light',
        file: 'after/home-phone-light.png',
        before: 'before/home-phone-light.png',
        after: 'after/home-phone-light.png',
        changedPixels: 0,
        ratio: 0,
        changed: false,
        accepted: false,
      },
    ]);
    expect(existsSync(join(site.dir, 'diff'))).toBe(false);
  });

  test('changed pixels are counted; above the threshold the shot is changed and gets a diff image with them in red', async () => {
    const changedPixels: [number, number, number[]][] = [
      [1, 1, BLACK],
      [8, 18, BLACK],
    ];
    const site = report({
      before: { 'home phone light': png(10, 20), 'home phone dark': png(10, 20) },
      after: { 'home phone light': png(10, 20, changedPixels), 'home phone dark': png(10, 20) },
    });
    expect(brief(await compare(site, { threshold: 2 / 200 }))).toEqual([
      { shot: 'home phone light', changedPixels: 2, changed: false, diff: undefined },
      { shot: 'home phone dark', changedPixels: 0, changed: false, diff: undefined },
    ]);
    const diffs = await compare(site, { threshold: 1 / 200 });
    expect(brief(diffs)).toEqual([
      { shot: 'home phone light', changedPixels: 2, changed: true, diff: 'diff/home-phone-light.png' },
      { shot: 'home phone dark', changedPixels: 0, changed: false, diff: undefined },
    ]);
    expect(diffs[0]!.ratio).toBe(2 / 200);
    expect(readdirSync(join(site.dir, 'diff'))).toEqual(['home-phone-light.png']);
    const diff = PNG.sync.read(readFileSync(join(site.dir, 'diff/home-phone-light.png')));
    expect([...diff.data.subarray((1 * 10 + 1) * 4, (1 * 10 + 1) * 4 + 3)]).toEqual([255, 0, 0]);
    expect([...diff.data.subarray(0, 3)]).not.toEqual([255, 0, 0]);
  });

  test('a page that grew is changed even when what both sides show is the same; the new part counts and shows in the diff', async () => {
    const site = report({ before: { 'news-post desktop dark': png(10, 20) }, after: { 'news-post desktop dark': png(10, 25) } });
    const [diff] = await compare(site, { threshold: 0.5 });
    expect(diff).toMatchObject({ changed: true, changedPixels: 50, ratio: 50 / 250, diff: 'diff/news-post-desktop-dark.png' });
    const image = PNG.sync.read(readFileSync(join(site.dir, diff!.diff!)));
    expect([image.width, image.height]).toEqual([10, 25]);
    expect([...image.data.subarray((22 * 10 + 5) * 4, (22 * 10 + 5) * 4 + 3)]).toEqual([255, 0, 255]);
  });

  test('a page type on one side only is changed, with the other side empty', async () => {
    const site = report({
      before: { 'home phone light': png(10, 20), 'donate phone light': png(10, 20) },
      after: { 'home phone light': png(10, 20), 'album phone light': png(10, 30) },
    });
    expect(
      (await compare(site)).map(({ pageType, before, after, changed, changedPixels, ratio }) => ({ pageType, before, after, changed, changedPixels, ratio })),
    ).toEqual([
      { pageType: 'home', before: 'before/home-phone-light.png', after: 'after/home-phone-light.png', changed: false, changedPixels: 0, ratio: 0 },
      { pageType: 'album', before: '', after: 'after/album-phone-light.png', changed: true, changedPixels: 300, ratio: 1 },
      { pageType: 'donate', before: 'before/donate-phone-light.png', after: '', changed: true, changedPixels: 200, ratio: 1 },
    ]);
  });

  test('a changed shot the accept file lists is accepted; an unchanged one never is', async () => {
    const site = report({
      before: { 'event phone light': png(4, 4), 'event phone dark': png(4, 4), 'home phone light': png(4, 4) },
      after: { 'event phone light': png(4, 4, [[0, 0, BLACK]]), 'event phone dark': png(4, 4), 'home phone light': png(4, 4, [[0, 0, BLACK]]) },
    });
    const diffs = await compare(site, { accepted: (shot) => shot.pageType === 'event' });
    expect(diffs.map(({ pageType, scheme, changed, accepted }) => [pageType, scheme, changed, accepted])).toEqual([
      ['event', 'light', true, true],
      ['event', 'dark', false, false],
      ['home', 'light', true, false],
    ]);
  });

  test('a screenshot missing from the report folder is an error naming it', async () => {
    const site = report({ before: { 'home phone light': png(4, 4) }, after: { 'home phone light': png(4, 4) } });
    rmSync(join(site.dir, 'before/home-phone-light.png'));
    await expect(compare(site)).rejects.toThrow(`the screenshot ${join(site.dir, 'before/home-phone-light.png')} (home, phone, light) is missing`);
  });
});
