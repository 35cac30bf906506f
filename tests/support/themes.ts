import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync, Visitor, type CallExpression, type PropertyKey } from 'oxc-parser';
import type { SiteBuild } from './sites.ts';

/**
 * The site's `astro.config.mjs` with one change: `openOutreach()` is given `theme`. The change is
 * made in the source, found with a real parser, so everything else the site's config does (its own
 * imports, integrations, Vite settings) is built as it is; the integration keeps its options to
 * itself, so changing them after the config has run is not possible.
 *
 * - `openOutreach({ … })`: `theme: '…'` replaces the value of a `theme` the site already names,
 *   else is added as the last option;
 * - `openOutreach()`: becomes `openOutreach({ theme: '…' })`;
 * - `openOutreach(options)`: becomes `openOutreach({ ...(options), theme: '…' })`.
 *
 * Throws, naming the file, when the config does not call the default import of
 * `@openoutreach/astro` exactly once.
 */
export function configWithTheme(source: string, theme: string, file = 'astro.config.mjs'): string {
  const { program, errors } = parseSync(file, source, { lang: 'js' });
  if (errors.length) throw new Error(`${file} does not parse: ${errors[0]!.message}`);
  const integration = program.body
    .flatMap((node) => (node.type === 'ImportDeclaration' && node.source.value === '@openoutreach/astro' ? node.specifiers : []))
    .find((specifier) => specifier.type === 'ImportDefaultSpecifier')?.local.name;
  if (!integration) throw new Error(`${file} does not import @openoutreach/astro, so it cannot be built with another theme.`);
  const calls: CallExpression[] = [];
  new Visitor({ CallExpression: (call) => void (call.callee.type === 'Identifier' && call.callee.name === integration && calls.push(call)) }).visit(program);
  if (calls.length !== 1) throw new Error(`${file} calls ${integration}() ${calls.length} times; building it with another theme needs exactly one call.`);
  const call = calls[0]!;
  const value = `theme: ${JSON.stringify(theme)}`;
  const [options] = call.arguments;
  if (!options) return splice(source, call.end - 1, call.end - 1, `{ ${value} }`);
  if (options.type !== 'ObjectExpression') return splice(source, options.start, options.end, `{ ...(${source.slice(options.start, options.end)}), ${value} }`);
  const named = options.properties.find((property) => property.type === 'Property' && !property.computed && keyName(property.key) === 'theme');
  if (named?.type === 'Property')
    return named.shorthand ? splice(source, named.start, named.end, value) : splice(source, named.value.start, named.value.end, JSON.stringify(theme));
  const last = options.properties.at(-1);
  if (!last) return splice(source, options.start, options.end, `{ ${value} }`);
  // After the last option (and its comma), so the site's comments and layout stay as they are.
  const comma = /^\s*,/.exec(source.slice(last.end, options.end - 1))?.[0];
  const at = last.end + (comma?.length ?? 0);
  return splice(source, at, at, `${comma ? '' : ','} ${value},`);
}

const keyName = (key: PropertyKey) => (key.type === 'Identifier' ? key.name : key.type === 'Literal' ? key.value : undefined);

const splice = (source: string, start: number, end: number, text: string) => source.slice(0, start) + text + source.slice(end);

/** The config file `writeThemeConfig` writes for `theme` in a site's folder. */
export const themeConfigFile = (theme: string) => `astro.config.theme-${theme}.mjs`;

/**
 * Writes `astro.config.theme-<theme>.mjs` beside the site's `astro.config.mjs`: the same config
 * built with `@openoutreach/theme-<theme>` (see `configWithTheme`). Beside it, so the config's relative
 * imports and Astro's root are the site's. The repository ignores these files.
 * Returns the file's absolute path, for `astro build --config`.
 */
export function writeThemeConfig(siteDir: string, theme: string): string {
  const config = join(siteDir, 'astro.config.mjs');
  const file = join(siteDir, themeConfigFile(theme));
  const header = `// Written by tests/support/themes.ts: astro.config.mjs built with @openoutreach/theme-${theme}. Not kept in git.\n`;
  writeFileSync(file, header + configWithTheme(readFileSync(config, 'utf8'), `@openoutreach/theme-${theme}`, config));
  return file;
}

/**
 * The kit's second theme: global-setup builds every site of `SITE_BUILDS` with it too, and the
 * tests compare and check those builds. OPENOUTREACH_SECOND_THEME=<name> runs them with
 * `@openoutreach/theme-<name>` instead (a theme in the making).
 */
export const SECOND_THEME = process.env.OPENOUTREACH_SECOND_THEME || 'harbour';

/** A site build made with another theme than the site's config names. */
export interface ThemedBuild extends SiteBuild {
  theme: string;
  /** The generated config file, absolute (see `writeThemeConfig`). */
  config: string;
}

/** `build` with `theme`: into `<outDir>-<theme>` (dist-harbour, dist-subpath-harbour), with the generated config. */
export function themedBuild(build: SiteBuild, theme: string): ThemedBuild {
  const outDir = `${build.outDir}-${theme}`;
  return { ...build, name: `${build.name} with ${theme}`, outDir, dist: join(build.dir, outDir), theme, config: join(build.dir, themeConfigFile(theme)) };
}

/** The `astro build` arguments of a build (none for a site's own `dist`). */
export function buildArgs(build: SiteBuild | ThemedBuild): string[] {
  return [
    // Astro reads --config relative to the site's folder (the root), even when absolute.
    ...('config' in build ? ['--config', relative(build.dir, build.config)] : []),
    ...(build.base ? ['--base', build.base] : []),
    ...(build.outDir === 'dist' ? [] : ['--outDir', build.outDir]),
  ];
}
