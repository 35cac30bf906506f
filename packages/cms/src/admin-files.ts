/**
 * Everything /admin/ serves besides its page and config.yml: Decap's self-contained bundle, its
 * numbered chunks and WebAssembly, straight from the decap-cms package (no CDN). The admin script
 * itself (admin/main.ts) is bundled by the site's build, with the theme's previews.
 */
import { copyFileSync, createReadStream, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** `.ts` when running from the source (tests, the repository), `.js` from the built package (dist/). */
const OWN_EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/**
 * The admin script's source, for the site's build to bundle (as `virtual:openoutreach/cms-admin`):
 * an absolute path, so that Vite treats it as the site's own code even from node_modules and
 * resolves its `virtual:openoutreach/cms-preview` import, never pre-bundling it as a dependency.
 */
export const ADMIN_SCRIPT = fileURLToPath(new URL(`./admin/main${OWN_EXTENSION}`, import.meta.url));

/** The files the admin page serves from decap-cms, by file name. */
export function adminAssets(): Map<string, string> {
  const decapDist = join(dirname(require.resolve('decap-cms/package.json')), 'dist');
  const files = new Map<string, string>();
  for (const name of readdirSync(decapDist)) {
    if (name === 'decap-cms.js' || /^\d+\.decap-cms\.js$/.test(name) || name.endsWith('.wasm')) {
      files.set(name, join(decapDist, name));
    }
  }
  return files;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm' };

/** Connect middleware serving Decap's files at `<base>/admin/<file>` in the dev server. */
export function adminAssetMiddleware(base: string) {
  const assets = adminAssets();
  const prefix = `${base}/admin/`;
  return (
    request: { url?: string },
    response: { setHeader: (name: string, value: string) => void; end: () => void } & NodeJS.WritableStream,
    next: () => void,
  ) => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    const file = path.startsWith(prefix) ? assets.get(path.slice(prefix.length)) : undefined;
    if (!file) return next();
    response.setHeader('Content-Type', TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream');
    createReadStream(file).pipe(response);
  };
}

/** Copies Decap's files into the built site's `admin/` folder. */
export function copyAdminAssets(outDir: string): void {
  const target = join(outDir, 'admin');
  mkdirSync(target, { recursive: true });
  for (const [name, file] of adminAssets()) copyFileSync(file, join(target, name));
}
