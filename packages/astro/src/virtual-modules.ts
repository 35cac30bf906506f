import type { RuntimeConfig } from './contract.ts';
import type { ResolvedTheme } from './theme.ts';

const PREFIX = 'virtual:openoutreach/';

export interface VirtualModuleInput {
  config: RuntimeConfig & { cssVariables: string };
  theme: ResolvedTheme;
  /** Absolute path of the logo, if the site has one. */
  logoPath: string | undefined;
  /** Absolute paths of the CSS files of the fonts the settings choose. */
  fontFiles: string[];
  /** Whether the dev server (not a build) loads the modules. */
  dev: boolean;
  /** The CMS configuration as YAML, for the dev server (local backend) and the published site. */
  cmsConfig: { local: string; published: string };
}

/** The source of every virtual module, by id (without the prefix). */
export function virtualModuleSources({ config, theme, logoPath, fontFiles, cmsConfig, dev }: VirtualModuleInput): Map<string, string> {
  const sources = new Map<string, string>();
  sources.set('config', `export default ${JSON.stringify(config)};`);
  sources.set(
    'logo',
    logoPath ? `import logo from ${JSON.stringify(logoPath)}; export default logo;` : 'export default undefined;',
  );
  const stylesheets = [...fontFiles, ...theme.styles];
  sources.set('styles', stylesheets.map((file) => `import ${JSON.stringify(file)};`).join('\n'));
  // The same stylesheets as URLs, for the CMS previews.
  // The dev server serves a stylesheet as CSS at /@fs/…?direct; importing it with `?url`
  // there would make Astro inline the module into the admin page as a <style>.
  sources.set(
    'preview-styles',
    dev
      ? `export default ${JSON.stringify(stylesheets.map((file) => `/@fs${file}?direct`))};`
      : `${stylesheets.map((file, index) => `import style${index} from ${JSON.stringify(`${file}?url`)};`).join('\n')}\nexport default [${stylesheets.map((_, index) => `style${index}`).join(', ')}];`,
  );
  sources.set('cms-config', `export default ${JSON.stringify(cmsConfig)};`);
  for (const [name, path] of Object.entries(theme.components)) {
    sources.set(`components/${name}`, `export { default } from ${JSON.stringify(path)};`);
  }
  return sources;
}

/** A Vite plugin serving `virtual:openoutreach/*`, so routes never import a concrete theme file. */
export function vitePluginOpenOutreach(sources: Map<string, string>) {
  return {
    name: 'vite-plugin-openoutreach',
    resolveId(id: string) {
      if (id.startsWith(PREFIX) && sources.has(id.slice(PREFIX.length))) return `\0${id}`;
      return undefined;
    },
    load(id: string) {
      if (id.startsWith(`\0${PREFIX}`)) return sources.get(id.slice(PREFIX.length + 1));
      return undefined;
    },
  };
}
