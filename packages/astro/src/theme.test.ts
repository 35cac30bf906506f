import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPONENT_NAMES } from './contract.ts';
import { resolveTheme } from './theme.ts';

const STARTER = resolve(import.meta.dirname, '../../../starter');
const DEFAULT_THEME = '@openoutreach/theme-commons';
const CONFIG = 'astro.config.mjs';

const site = mkdtempSync(join(tmpdir(), 'oo-theme-'));
writeFileSync(join(site, 'package.json'), '{"name":"test-site","private":true}');
mkdirSync(join(site, 'src/components'), { recursive: true });
writeFileSync(join(site, 'src/components/Footer.astro'), '<footer>Our own footer</footer>');
// The site names its theme: installed in its own node_modules, as npm would.
mkdirSync(join(site, 'node_modules/@openoutreach'), { recursive: true });
symlinkSync(resolve(import.meta.dirname, '../../../themes/commons'), join(site, 'node_modules/@openoutreach/theme-commons'), 'dir');
const themeless = mkdtempSync(join(tmpdir(), 'oo-themeless-'));
writeFileSync(join(themeless, 'package.json'), '{"name":"test-site","private":true}');
afterAll(() => {
  rmSync(site, { recursive: true, force: true });
  rmSync(themeless, { recursive: true, force: true });
});

describe('resolveTheme', () => {
  const { theme, problems } = resolveTheme(DEFAULT_THEME, {}, STARTER, CONFIG);

  it('resolves the default theme for the starter without problems', () => {
    expect(problems).toEqual([]);
    expect(theme?.name).toBe(DEFAULT_THEME);
    expect(existsSync(join(theme!.dir, 'package.json'))).toBe(true);
  });

  it('gives every component of the contract an existing file', () => {
    expect(Object.keys(theme!.components).sort()).toEqual([...COMPONENT_NAMES].sort());
    for (const name of COMPONENT_NAMES) {
      const path = theme!.components[name];
      expect(path, name).toMatch(/\.astro$/);
      expect(existsSync(path), `${name}: ${path}`).toBe(true);
    }
  });

  it("gives the theme's stylesheets and fonts, resolvable from the theme", () => {
    expect(theme!.styles.length).toBeGreaterThan(0);
    for (const style of theme!.styles) expect(existsSync(style), style).toBe(true);
    const [css] = theme!.fonts['atkinson-hyperlegible']?.css ?? [];
    expect(css).toBeDefined();
    expect(existsSync(theme!.resolveFromTheme(css!))).toBe(true);
  });

  it("replaces exactly the overridden component with the site's file", () => {
    const overridden = resolveTheme(DEFAULT_THEME, { Footer: './src/components/Footer.astro' }, site, CONFIG);
    expect(overridden.problems).toEqual([]);
    expect(overridden.theme!.components.Footer).toBe(join(site, 'src/components/Footer.astro'));
    for (const name of COMPONENT_NAMES.filter((component) => component !== 'Footer')) {
      expect(overridden.theme!.components[name], name).toBe(theme!.components[name]);
    }
  });

  it('reports an override whose file is missing, naming the component in the config', () => {
    const { problems: missing } = resolveTheme(DEFAULT_THEME, { Header: './src/components/Header.astro' }, site, CONFIG);
    expect(missing).toEqual([
      expect.objectContaining({
        file: CONFIG,
        field: 'components.Header',
        message: 'the component file ./src/components/Header.astro does not exist',
        fix: expect.stringContaining("relative to the site's root"),
      }),
    ]);
  });

  it('reports a theme package that is not installed', () => {
    const result = resolveTheme('@openoutreach/theme-nowhere', {}, site, CONFIG);
    expect(result.theme).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({ file: CONFIG, field: 'theme', message: 'the theme "@openoutreach/theme-nowhere" is not installed' }),
    ]);
    expect(result.problems[0]?.fix).toContain('npm install @openoutreach/theme-nowhere');
  });

  it("finds the theme only among the site's own dependencies, not the kit's", () => {
    const result = resolveTheme(DEFAULT_THEME, {}, themeless, CONFIG);
    expect(result.theme).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        field: 'theme',
        message: `the theme "${DEFAULT_THEME}" is not installed`,
        fix: expect.stringContaining(`npm install ${DEFAULT_THEME}`),
      }),
    ]);
  });

  it('reports an installed package that is not a theme', () => {
    const result = resolveTheme('zod', {}, STARTER, CONFIG);
    expect(result.theme).toBeUndefined();
    expect(result.problems[0]).toMatchObject({ field: 'theme', message: expect.stringContaining('is not an Open Outreach theme') });
  });
});
