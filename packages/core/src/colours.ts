function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance (WCAG 2.x) of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map(channel) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * `colour`, mixed step by step towards black or white until it reaches `minimum` contrast
 * against `background`. A brand colour thus stays recognisable while text in it stays readable
 * (WCAG 2.2 AA needs 4.5:1 for body text).
 */
export function readableOn(colour: string, background: string, minimum = 4.5): string {
  if (contrastRatio(colour, background) >= minimum) return colour.toLowerCase();
  const target: [number, number, number] = luminance(background) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  const start = rgb(colour);
  for (let step = 1; step <= 20; step++) {
    const mix = step / 20;
    const candidate = toHex(start.map((c, i) => c + (target[i]! - c) * mix) as [number, number, number]);
    if (contrastRatio(candidate, background) >= minimum) return candidate;
  }
  return toHex(target);
}

/** Black or white, whichever reads better on `background`. */
export function textOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio('#ffffff', background) >= contrastRatio('#000000', background) ? '#ffffff' : '#000000';
}
