import { describe, expect, it } from 'vitest';
import { siteSettingsSchema } from '@openoutreach/core';
import { COMPONENT_NAMES, type ComponentName } from './contract.ts';
import type { ResolvedTheme } from './theme.ts';
import { virtualModuleSources, vitePluginOpenOutreach, type VirtualModuleInput } from './virtual-modules.ts';

const components = Object.fromEntries(COMPONENT_NAMES.map((name) => [name, `/themes/commons/src/${name}.astro`])) as Record<ComponentName, string>;

const theme: ResolvedTheme = {
  name: '@openoutreach/theme-commons',
  dir: '/themes/commons',
  components,
  styles: ['/themes/commons/src/styles/global.css'],
  fonts: {},
  resolveFromTheme: (specifier) => `/node_modules/${specifier}`,
};

function input(extra: Partial<VirtualModuleInput> = {}): VirtualModuleInput {
  return {
    config: {
      settings: siteSettingsSchema.parse({ name: 'Riverside "Tenants" Union' }),
      base: '/my-repo',
      site: 'https://example.org',
      features: { news: true, events: true, albums: false, giving: false, contact: false, people: false, projects: false, resources: false, search: true },
      filledCollections: ['pages'],
      cssVariables: ':root{--oo-colour-primary:#1d5c63}',
      dev: false,
    },
    theme,
    logoPath: undefined,
    fontFiles: ['/node_modules/@fontsource/atkinson-hyperlegible/400.css'],
    fontPreloads: ['/node_modules/@fontsource/atkinson-hyperlegible/files/latin-400.woff2'],
    dev: false,
    cmsConfig: { local: 'local_backend: true', published: 'backend: {}' },
    ...extra,
  };
}

/** The value a module of the form `export default <json>;` exports. */
function defaultExport(source: string | undefined): unknown {
  const match = /^export default (.*);$/s.exec(source ?? '');
  if (!match) throw new Error(`not a default export of a value: ${source}`);
  return JSON.parse(match[1]!);
}

describe('virtualModuleSources', () => {
  it('exports the runtime config as data', () => {
    const sources = virtualModuleSources(input());
    expect(defaultExport(sources.get('config'))).toEqual(JSON.parse(JSON.stringify(input().config)));
  });

  it('exports undefined as the logo when the site has none', () => {
    expect(virtualModuleSources(input()).get('logo')).toBe('export default undefined;');
  });

  it('imports the logo file when the site has one', () => {
    const source = virtualModuleSources(input({ logoPath: '/site/src/assets/logo "new".svg' })).get('logo');
    expect(source).toBe('import logo from "/site/src/assets/logo \\"new\\".svg"; export default logo;');
  });

  it("imports the font files before the theme's stylesheets", () => {
    expect(virtualModuleSources(input()).get('styles')).toBe(
      'import "/node_modules/@fontsource/atkinson-hyperlegible/400.css";\nimport "/themes/commons/src/styles/global.css";',
    );
  });

  it('re-exports every component of the theme by name', () => {
    const sources = virtualModuleSources(input());
    for (const name of COMPONENT_NAMES) {
      expect(sources.get(`components/${name}`)).toBe(`export { default } from ${JSON.stringify(components[name])};`);
    }
  });

  it("re-exports an overriding component in place of the theme's", () => {
    const overridden = { ...theme, components: { ...components, Footer: '/site/src/components/Footer.astro' } };
    expect(virtualModuleSources(input({ theme: overridden })).get('components/Footer')).toBe('export { default } from "/site/src/components/Footer.astro";');
  });
});

describe('vitePluginOpenOutreach', () => {
  const sources = virtualModuleSources(input());
  const plugin = vitePluginOpenOutreach(sources);

  it('resolves its own ids to a private id', () => {
    expect(plugin.resolveId('virtual:openoutreach/config')).toBe('\0virtual:openoutreach/config');
    expect(plugin.resolveId('virtual:openoutreach/components/Footer')).toBe('\0virtual:openoutreach/components/Footer');
  });

  it('leaves other ids, and its own prefix with an unknown name, to other plugins', () => {
    for (const id of ['astro:content', 'virtual:other/config', './config', 'virtual:openoutreach/components/Sidebar', 'virtual:openoutreach/']) {
      expect(plugin.resolveId(id), id).toBeUndefined();
    }
  });

  it('loads the source of a resolved id', () => {
    for (const id of ['config', 'logo', 'styles', 'components/Header']) {
      expect(plugin.load(plugin.resolveId(`virtual:openoutreach/${id}`)!)).toBe(sources.get(id));
    }
  });

  it('loads nothing for ids it did not resolve', () => {
    expect(plugin.load('virtual:openoutreach/config')).toBeUndefined();
    expect(plugin.load('/site/src/pages/index.astro')).toBeUndefined();
    expect(plugin.load('\0virtual:other/config')).toBeUndefined();
  });
});

describe('font preloads', () => {
  it('import each font file with ?url in a build, so the preload gets the hashed asset', () => {
    const source = virtualModuleSources(input()).get('font-preloads')!;
    expect(source).toContain('import url0 from "/node_modules/@fontsource/atkinson-hyperlegible/files/latin-400.woff2?url";');
    expect(source).toContain('export default [url0];');
  });

  it('point at the dev server’s file URL in dev', () => {
    expect(defaultExport(virtualModuleSources(input({ dev: true })).get('font-preloads'))).toEqual([
      '/@fs/node_modules/@fontsource/atkinson-hyperlegible/files/latin-400.woff2?direct',
    ]);
  });
});

describe('the CMS configuration module', () => {
  it('gives a build the published configuration and the dev server the local one', () => {
    expect(defaultExport(virtualModuleSources(input()).get('cms-config'))).toBe('backend: {}');
    expect(defaultExport(virtualModuleSources(input({ dev: true })).get('cms-config'))).toBe('local_backend: true');
  });
});
