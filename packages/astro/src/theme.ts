import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { Problem } from '@openoutreach/core';
import { COMPONENT_NAMES, type ComponentName } from './contract.ts';

/** A font a theme ships: the CSS files that declare it and its CSS family stack. */
export interface ThemeFont {
  css: string[];
  family: string;
  /** The font files most pages need (latin, regular and bold), preloaded to avoid a layout shift. */
  preload?: string[];
}

/** The `openoutreach` field of a theme's package.json. */
interface ThemeManifest {
  components: Partial<Record<ComponentName, string>>;
  styles?: string[];
  fonts?: Record<string, ThemeFont>;
}

export interface ResolvedTheme {
  name: string;
  dir: string;
  /** Absolute path of every contract component, overrides applied. */
  components: Record<ComponentName, string>;
  styles: string[];
  fonts: Record<string, ThemeFont>;
  /** Resolves a bare module specifier from the theme's folder (e.g. its fonts). */
  resolveFromTheme: (specifier: string) => string;
}

/**
 * The theme's package.json as the site resolves it: the site names its theme as a dependency,
 * so the kit depends on no theme: a theme depends on the kit's contract, never the other way.
 */
function findPackageJson(name: string, root: string): string | undefined {
  try {
    return createRequire(resolve(root, 'package.json')).resolve(`${name}/package.json`);
  } catch {
    return undefined;
  }
}

/**
 * Finds the theme package and its component files, then applies the site's overrides. A theme is
 * declarative: its package.json lists the files that implement the contract.
 */
export function resolveTheme(
  themeName: string,
  overrides: Partial<Record<ComponentName, string>>,
  root: string,
  configFile: string,
): { theme?: ResolvedTheme; problems: Problem[] } {
  const packageJson = findPackageJson(themeName, root);
  if (!packageJson) {
    return {
      problems: [
        {
          file: configFile,
          field: 'theme',
          message: `the theme "${themeName}" is not installed`,
          fix: `add it to the site's dependencies: run \`npm install ${themeName}\` in the site's folder.`,
        },
      ],
    };
  }
  const dir = dirname(packageJson);
  const manifest = (JSON.parse(readFileSync(packageJson, 'utf8')) as { openoutreach?: ThemeManifest }).openoutreach;
  if (!manifest?.components) {
    return {
      problems: [
        {
          file: configFile,
          field: 'theme',
          message: `"${themeName}" is not an Open Outreach theme (its package.json has no "openoutreach.components")`,
          fix: 'use @openoutreach/theme-commons or another Open Outreach theme.',
        },
      ],
    };
  }
  const problems: Problem[] = [];
  const components = {} as Record<ComponentName, string>;
  for (const name of COMPONENT_NAMES) {
    const override = overrides[name];
    const path = override ? resolve(root, override) : manifest.components[name] && resolve(dir, manifest.components[name]);
    if (!path) {
      problems.push({
        file: configFile,
        field: `components.${name}`,
        message: `the theme "${themeName}" does not provide ${name}`,
        fix: `add your own: components: { ${name}: './src/components/${name}.astro' }.`,
      });
    } else if (!existsSync(path)) {
      problems.push({
        file: override ? configFile : packageJson,
        field: `components.${name}`,
        message: `the component file ${override ?? path} does not exist`,
        fix: override ? `check the path; it is relative to the site's root, e.g. './src/components/${name}.astro'.` : 'reinstall the theme.',
      });
    } else {
      components[name] = path;
    }
  }
  const themeRequire = createRequire(packageJson);
  return {
    theme: {
      name: themeName,
      dir,
      components,
      styles: (manifest.styles ?? []).map((style) => resolve(dir, style)),
      fonts: manifest.fonts ?? {},
      resolveFromTheme: (specifier) => themeRequire.resolve(specifier),
    },
    problems,
  };
}
