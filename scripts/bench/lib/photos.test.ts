import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { derivePhoto, PHOTO_HEIGHT, PHOTO_WIDTH } from './photos.mjs';

describe('photos beyond the rendered ones', () => {
  it('are new pictures of the same size, the same bytes every time', async () => {
    const base = await sharp({ create: { width: PHOTO_WIDTH, height: PHOTO_HEIGHT, channels: 3, background: { r: 90, g: 140, b: 200 } } })
      .jpeg()
      .toBuffer();
    const [first, again, other] = await Promise.all([derivePhoto(51, base), derivePhoto(51, base), derivePhoto(101, base)]);
    expect(first.equals(again)).toBe(true);
    expect(first.equals(other)).toBe(false);
    expect(first.equals(base)).toBe(false);
    expect(await sharp(first).metadata()).toMatchObject({ format: 'jpeg', width: PHOTO_WIDTH, height: PHOTO_HEIGHT });
  });
});
