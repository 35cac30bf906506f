import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { SiteError } from '../fleet-error.ts';
import type { Shot, ShotDiff } from '../types.ts';
import { shotName } from './capture.ts';

export interface CompareOptions {
  /** The share of a shot's pixels that may change before it counts as changed: 0 counts any pixel. */
  threshold: number;
  /** Whether the accept file lists a changed shot (its change then does not fail the run). */
  accepted?: (shot: Shot) => boolean;
  /** Where the diff PNGs go. */
  outDir: string;
  /** The folder the shots' `file` is relative to, as are the ShotDiff's paths; `outDir` when omitted. */
  reportDir?: string;
}

/** The colour of the part of a page that only one side has (it grew or shrank). */
const GROWN: [number, number, number] = [255, 0, 255];
/** Per pixel, the colour distance (0 to 1) below which pixelmatch calls two pixels the same; its default. */
const PIXEL_TOLERANCE = 0.1;

const keyOf = (shot: Shot) => `${shot.pageType}\u0000${shot.width}\u0000${shot.scheme}`;

function readPng(reportDir: string, shot: Shot): { bytes: Buffer; png: () => PNG } {
  const file = join(reportDir, shot.file);
  if (!existsSync(file)) {
    throw new SiteError(
      `the screenshot ${file} (${shot.pageType}, ${shot.width}, ${shot.scheme}) is missing: something removed it from the report folder, or the cache lost it; run the check again with an empty --cache folder.`,
    );
  }
  const bytes = readFileSync(file);
  return { bytes, png: () => PNG.sync.read(bytes) };
}

/** The top-left `width` × `height` pixels of `png`, RGBA. */
function crop(png: PNG, width: number, height: number): Buffer {
  if (png.width === width && png.height === height) return png.data;
  const out = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) png.data.copy(out, y * width * 4, y * png.width * 4, (y * png.width + width) * 4);
  return out;
}

/**
 * The number of pixels that differ between two PNGs, and a diff image: the `after` page faded, the differences in red (anti-aliasing in yellow, not counted). Images of
 * different sizes are compared over the part both have; the rest (what one side has and the other
 * not) counts as changed and shows in magenta.
 */
function countChanges(before: PNG, after: PNG): { changedPixels: number; total: number; resized: boolean; diff: PNG } {
  const width = Math.max(before.width, after.width);
  const height = Math.max(before.height, after.height);
  const common = { width: Math.min(before.width, after.width), height: Math.min(before.height, after.height) };
  const commonDiff = Buffer.alloc(common.width * common.height * 4);
  const inCommon = pixelmatch(crop(before, common.width, common.height), crop(after, common.width, common.height), commonDiff, common.width, common.height, {
    threshold: PIXEL_TOLERANCE,
  });
  const diff = new PNG({ width, height });
  new Uint32Array(diff.data.buffer, diff.data.byteOffset, width * height).fill(Buffer.from([...GROWN, 255]).readUInt32LE(0));
  for (let y = 0; y < common.height; y++) commonDiff.copy(diff.data, y * width * 4, y * common.width * 4, (y + 1) * common.width * 4);
  const total = width * height;
  return { changedPixels: inCommon + (total - common.width * common.height), total, resized: width !== common.width || height !== common.height, diff };
}

/** The pixel size of a PNG from its header, without decoding it. */
function sizeOf(bytes: Buffer): number {
  return bytes.readUInt32BE(16) * bytes.readUInt32BE(20);
}

/**
 * Compares each shot before (the site's locked kit) with the same page type, width and scheme
 * after (the candidate). A shot is changed when more than `threshold` of its pixels differ, when
 * the page's size changed, or when its page type is on one side only (the missing side's path is
 * `''`). Diff PNGs are written for changed shots only. Byte-identical PNGs are not decoded.
 */
export async function compareShots(before: Shot[], after: Shot[], options: CompareOptions): Promise<ShotDiff[]> {
  const outDir = resolve(options.outDir);
  const reportDir = resolve(options.reportDir ?? outDir);
  const isAccepted = (shot: Shot) => options.accepted?.(shot) ?? false;
  const beforeByKey = new Map(before.map((shot) => [keyOf(shot), shot]));
  const afterKeys = new Set(after.map(keyOf));
  const results: ShotDiff[] = [];

  for (const shot of after) {
    const old = beforeByKey.get(keyOf(shot));
    if (!old) {
      const changedPixels = sizeOf(readPng(reportDir, shot).bytes);
      results.push({ ...shot, before: '', after: shot.file, changedPixels, ratio: 1, changed: true, accepted: isAccepted(shot) });
      continue;
    }
    const was = readPng(reportDir, old);
    const now = readPng(reportDir, shot);
    if (was.bytes.equals(now.bytes)) {
      results.push({ ...shot, before: old.file, after: shot.file, changedPixels: 0, ratio: 0, changed: false, accepted: false });
      continue;
    }
    const { changedPixels, total, resized, diff } = countChanges(was.png(), now.png());
    const ratio = changedPixels / total;
    const changed = resized || ratio > options.threshold;
    const result: ShotDiff = { ...shot, before: old.file, after: shot.file, changedPixels, ratio, changed, accepted: changed && isAccepted(shot) };
    if (changed) {
      mkdirSync(outDir, { recursive: true });
      const file = join(outDir, shotName(shot.pageType, shot.width, shot.scheme));
      // One PNG row filter instead of the best of five per row: a third larger, five times faster to write.
      writeFileSync(file, PNG.sync.write(diff, { filterType: 1 }));
      result.diff = relative(reportDir, file);
    }
    results.push(result);
  }
  for (const shot of before.filter((shot) => !afterKeys.has(keyOf(shot)))) {
    const changedPixels = sizeOf(readPng(reportDir, shot).bytes);
    results.push({ ...shot, before: shot.file, after: '', changedPixels, ratio: 1, changed: true, accepted: isAccepted(shot) });
  }
  return results;
}
