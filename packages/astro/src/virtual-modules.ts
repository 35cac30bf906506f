import type { RuntimeConfig } from './contract.ts';
import type { ResolvedTheme } from './theme.ts';

const PREFIX = 'virtual:openoutreach/';

export interface VirtualModuleInput {
  config: RuntimeConfig & { cssVariables: string; dev: boolean };
  theme: ResolvedTheme;
  /** Absolute path of the logo, if the site has one. */
  logoPath: string | undefined;
  /** The default share image (absolute path and description), if the settings give one. */
  shareImage?: { path: string; alt: string } | undefined;
  /** Absolute paths of the CSS files of the fonts the settings choose. */
  fontFiles: string[];
  /** Absolute paths of the font files to preload. */
  fontPreloads: string[];
  /** Whether the dev server (not a build) loads the modules. */
  dev: boolean;
  /** The CMS configuration as YAML, for the dev server (local backend) and the published site. */
  cmsConfig: { local: string; published: string };
}

/**
 * A module exporting the public URLs of files: hashed build assets through `?url`, or the dev
 * server's `/@fs/…?direct` (importing a stylesheet with `?url` in dev would make Astro inline
 * it into the page as a <style>).
 */
function urlList(files: string[], dev: boolean): string {
  if (dev) return `export default ${JSON.stringify(files.map((file) => `/@fs${file}?direct`))};`;
  const imports = files.map((file, index) => `import url${index} from ${JSON.stringify(`${file}?url`)};`);
  return `${imports.join('\n')}\nexport default [${files.map((_, index) => `url${index}`).join(', ')}];`;
}

/** The source of every virtual module, by id (without the prefix). */
export function virtualModuleSources({
  config,
  theme,
  logoPath,
  shareImage,
  fontFiles,
  fontPreloads,
  cmsConfig,
  dev,
}: VirtualModuleInput): Map<string, string> {
  const sources = new Map<string, string>();
  sources.set('config', `export default ${JSON.stringify(config)};`);
  sources.set('logo', logoPath ? `import logo from ${JSON.stringify(logoPath)}; export default logo;` : 'export default undefined;');
  sources.set(
    'share-image',
    shareImage
      ? `import src from ${JSON.stringify(shareImage.path)}; export default { src, alt: ${JSON.stringify(shareImage.alt)} };`
      : 'export default undefined;',
  );
  const stylesheets = [...fontFiles, ...theme.styles];
  sources.set('styles', stylesheets.map((file) => `import ${JSON.stringify(file)};`).join('\n'));
  // The same stylesheets as URLs, for the CMS previews.
  // The dev server serves a stylesheet as CSS at /@fs/…?direct; importing it with `?url`
  // there would make Astro inline the module into the admin page as a <style>.
  sources.set('preview-styles', urlList(stylesheets, dev));
  sources.set('font-preloads', urlList(fontPreloads, dev));
  sources.set('cms-config', `export default ${JSON.stringify(dev ? cmsConfig.local : cmsConfig.published)};`);
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
