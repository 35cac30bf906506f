import { describe, expect, it } from 'vitest';
import { contrastRatio, luminance, readableOn, textOn } from './colours.ts';

const LIGHT = '#f3f4f2';
const DARK = '#21252b';

describe('luminance and contrastRatio', () => {
  it('gives the WCAG values for known colours', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
    expect(contrastRatio('#1d5c63', '#1d5c63')).toBe(1);
    // #767676 is the lightest grey that passes AA on white; #777777 just fails.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('reads upper-case hex digits', () => {
    expect(contrastRatio('#FFFFFF', '#000000')).toBeCloseTo(21, 10);
  });
});

describe('readableOn', () => {
  const brandColours = [
    '#ffffff',
    '#fffde7',
    '#ffff00',
    '#f3f4f2',
    '#e0e0e0',
    '#00ff00',
    '#7fffd4',
    '#ff69b4',
    '#808080',
    '#1d5c63',
    '#b4442a',
    '#0000ff',
    '#ff0000',
    '#6a0dad',
    '#333333',
    '#0a0a0a',
    '#000000',
  ];
  const backgrounds = [LIGHT, DARK, '#ffffff', '#000000', '#767676', '#1d5c63', '#fff8dc'];

  for (const background of backgrounds) {
    it(`always gives text that reads at 4.5:1 or more on ${background}`, () => {
      for (const colour of brandColours) {
        const readable = readableOn(colour, background);
        expect(readable, `${colour} on ${background}`).toMatch(/^#[0-9a-f]{6}$/);
        expect(contrastRatio(readable, background), `${colour} → ${readable} on ${background}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  it('holds for a sweep of the colour cube on the light and the dark surface', () => {
    const failures: string[] = [];
    for (let r = 0; r < 256; r += 51)
      for (let g = 0; g < 256; g += 17)
        for (let b = 0; b < 256; b += 51) {
          const colour = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
          for (const background of [LIGHT, DARK]) {
            if (contrastRatio(readableOn(colour, background), background) < 4.5) failures.push(`${colour} on ${background}`);
          }
        }
    expect(failures).toEqual([]);
  });

  it('honours a higher minimum', () => {
    expect(contrastRatio(readableOn('#1d5c63', LIGHT, 7), LIGHT)).toBeGreaterThanOrEqual(7);
  });

  it('leaves an already readable colour unchanged (in lower case)', () => {
    expect(readableOn('#1d5c63', LIGHT)).toBe('#1d5c63');
    expect(readableOn('#1D5C63', '#ffffff')).toBe('#1d5c63');
    expect(readableOn('#ffff00', DARK)).toBe('#ffff00');
  });

  it('darkens on a light background and lightens on a dark one, keeping the hue', () => {
    const onLight = readableOn('#ffff00', LIGHT);
    expect(luminance(onLight)).toBeLessThan(luminance('#ffff00'));
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(onLight.slice(i, i + 2), 16));
    expect(r).toBe(g);
    expect(b).toBe(0);
    expect(luminance(readableOn('#1d5c63', DARK))).toBeGreaterThan(luminance('#1d5c63'));
  });

  it('moves no further than needed', () => {
    const adjusted = readableOn('#ffff00', LIGHT);
    expect(adjusted).not.toBe('#000000');
    expect(contrastRatio(adjusted, LIGHT)).toBeLessThan(7);
  });
});

describe('textOn', () => {
  it('picks white on dark fills and black on light ones', () => {
    expect(textOn('#1d5c63')).toBe('#ffffff');
    expect(textOn('#000000')).toBe('#ffffff');
    expect(textOn('#ffff00')).toBe('#000000');
    expect(textOn('#f3f4f2')).toBe('#000000');
  });

  it('always reaches 4.5:1 whatever the fill', () => {
    for (const fill of ['#777777', '#767676', '#808080', '#b4442a', '#ff0000', '#00ff00', '#0000ff']) {
      expect(contrastRatio(textOn(fill), fill), fill).toBeGreaterThanOrEqual(4.5);
    }
  });
});
