import { readableOn, textOn, type SiteSettings } from '@openoutreach/core';
import type { ThemeFont } from './theme.ts';

/**
 * The backgrounds that coloured text must read on in each scheme: the theme's surface colour
 * (footer, boxes), which has less contrast than the page background (see the theme's
 * --oo-surface).
 */
export const LIGHT_BACKGROUND = '#f3f4f2';
export const DARK_BACKGROUND = '#21252b';

const SYSTEM_FONTS: Record<string, string> = {
  'system-sans': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  'system-serif': 'Georgia, "Times New Roman", serif',
};

/**
 * The site's look as CSS custom properties. Brand colours are adjusted (never replaced) so that
 * text in them meets WCAG 2.2 AA contrast on both schemes, whatever an editor picks.
 */
export function cssVariables(settings: SiteSettings, fonts: Record<string, ThemeFont>): string {
  const { primary, accent } = settings.colours;
  const family = (choice: string) => fonts[choice]?.family ?? SYSTEM_FONTS[choice] ?? SYSTEM_FONTS['system-sans'];
  const light = {
    '--oo-colour-primary': readableOn(primary, LIGHT_BACKGROUND),
    '--oo-colour-accent': readableOn(accent, LIGHT_BACKGROUND),
    '--oo-colour-brand': primary,
    '--oo-colour-on-brand': textOn(primary),
    '--oo-colour-accent-fill': accent,
    '--oo-colour-on-accent': textOn(accent),
    '--oo-font-heading': family(settings.fonts.heading),
    '--oo-font-body': family(settings.fonts.body),
  };
  const dark = {
    '--oo-colour-primary': readableOn(primary, DARK_BACKGROUND),
    '--oo-colour-accent': readableOn(accent, DARK_BACKGROUND),
  };
  const block = (values: Record<string, string | undefined>) =>
    Object.entries(values)
      .map(([name, value]) => `${name}:${value}`)
      .join(';');
  return `:root{${block(light)}}@media (prefers-color-scheme: dark){:root{${block(dark)}}}`;
}
