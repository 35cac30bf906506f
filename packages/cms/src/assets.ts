import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The files the admin page serves: Decap's self-contained bundle, its chunks and WebAssembly. */
export function adminAssets(): Map<string, string> {
  const decapDist = join(dirname(require.resolve('decap-cms/package.json')), 'dist');
  const files = new Map<string, string>();
  for (const name of readdirSync(decapDist)) {
    if (name === 'decap-cms.js' || /^\d+\.decap-cms\.js$/.test(name) || name.endsWith('.wasm')) {
      files.set(name, join(decapDist, name));
    }
  }
  files.set('openoutreach-admin.js', fileURLToPath(new URL('./admin/openoutreach-admin.js', import.meta.url)));
  return files;
}
