import { contrastRatio, siteSettingsSchema } from '@openoutreach/core';
import { describe, expect, it } from 'vitest';
import { cssVariables, DARK_BACKGROUND, LIGHT_BACKGROUND } from './css-variables.ts';
import type { ThemeFont } from './theme.ts';

const FONTS: Record<string, ThemeFont> = {
  'atkinson-hyperlegible': { css: [], family: "'Atkinson Hyperlegible', system-ui, sans-serif" },
  'source-serif': { css: [], family: "'Source Serif 4 Variable', Georgia, serif" },
};

const settingsWith = (extra: Record<string, unknown>) => siteSettingsSchema.parse({ name: 'Riverside', ...extra });

/** The declarations of the light (`:root`) and dark (media query) blocks. */
function schemes(css: string): { light: Record<string, string>; dark: Record<string, string> } {
  const match = /^:root\{(.*?)\}@media \(prefers-color-scheme: dark\)\{:root\{(.*?)\}\}$/.exec(css);
  if (!match) throw new Error(`unexpected CSS: ${css}`);
  const declarations = (block: string) =>
    Object.fromEntries(
      block.split(';').map((declaration) => {
        const colon = declaration.indexOf(':');
        return [declaration.slice(0, colon), declaration.slice(colon + 1)];
      }),
    );
  return { light: declarations(match[1]!), dark: declarations(match[2]!) };
}

describe('cssVariables', () => {
  const brandColours: [string, string][] = [
    ['#1d5c63', '#b4442a'],
    ['#ffff00', '#fffde7'],
    ['#ffffff', '#f3f4f2'],
    ['#000000', '#0a0a0a'],
    ['#21252b', '#6a0dad'],
    ['#808080', '#00ff00'],
  ];

  it.each(brandColours)('makes text in %s and %s readable in both colour schemes', (primary, accent) => {
    const { light, dark } = schemes(cssVariables(settingsWith({ colours: { primary, accent } }), FONTS));
    for (const name of ['--oo-colour-primary', '--oo-colour-accent']) {
      expect(contrastRatio(light[name]!, LIGHT_BACKGROUND), `light ${name}`).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(dark[name]!, DARK_BACKGROUND), `dark ${name}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio(light['--oo-colour-on-brand']!, primary)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(light['--oo-colour-on-accent']!, accent)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the brand colours themselves as fills', () => {
    const { light } = schemes(cssVariables(settingsWith({ colours: { primary: '#FFFF00', accent: '#b4442a' } }), FONTS));
    expect(light['--oo-colour-brand']).toBe('#FFFF00');
    expect(light['--oo-colour-accent-fill']).toBe('#b4442a');
    expect(light['--oo-colour-on-brand']).toBe('#000000');
  });

  it('leaves a brand colour that already reads well untouched', () => {
    const { light } = schemes(cssVariables(settingsWith({}), FONTS));
    expect(light['--oo-colour-primary']).toBe('#1d5c63');
  });

  it("maps font choices to the theme's families, then to system stacks", () => {
    const { light } = schemes(cssVariables(settingsWith({ fonts: { heading: 'source-serif', body: 'atkinson-hyperlegible' } }), FONTS));
    expect(light['--oo-font-heading']).toBe(FONTS['source-serif']!.family);
    expect(light['--oo-font-body']).toBe(FONTS['atkinson-hyperlegible']!.family);

    const system = schemes(cssVariables(settingsWith({ fonts: { heading: 'system-serif', body: 'system-sans' } }), FONTS)).light;
    expect(system['--oo-font-heading']).toMatch(/^Georgia,.*serif$/);
    expect(system['--oo-font-body']).toMatch(/^system-ui,.*sans-serif$/);
  });

  it('falls back to the system sans-serif for a font the theme does not ship', () => {
    const { light } = schemes(cssVariables(settingsWith({ fonts: { heading: 'lexend', body: 'lexend' } }), FONTS));
    expect(light['--oo-font-heading']).toMatch(/^system-ui,/);
  });

  it('puts only text colours in the dark scheme', () => {
    const { dark } = schemes(cssVariables(settingsWith({}), FONTS));
    expect(Object.keys(dark).sort()).toEqual(['--oo-colour-accent', '--oo-colour-primary']);
  });
});
