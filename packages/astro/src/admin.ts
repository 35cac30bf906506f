import { execFileSync } from 'node:child_process';
import { copyFileSync, createReadStream, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { adminAssets } from '@openoutreach/cms';

/** The site's folder relative to its git repository ('' when the site is the repository). */
export function siteDirInRepository(root: string): string {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return relative(top, root).split('\\').join('/');
  } catch {
    return '';
  }
}

/** The checked-out branch, which local edits are committed to. */
export function currentBranch(root: string): string | undefined {
  try {
    const branch = execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return branch && branch !== 'HEAD' ? branch : undefined;
  } catch {
    return undefined;
  }
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm' };

/** Connect middleware serving the CMS bundle at `<base>/admin/<file>` in the dev server. */
export function adminAssetMiddleware(base: string) {
  const assets = adminAssets();
  const prefix = `${base}/admin/`;
  return (request: { url?: string }, response: { setHeader: (name: string, value: string) => void; end: () => void } & NodeJS.WritableStream, next: () => void) => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    const file = path.startsWith(prefix) ? assets.get(path.slice(prefix.length)) : undefined;
    if (!file) return next();
    response.setHeader('Content-Type', TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream');
    createReadStream(file).pipe(response);
  };
}

/** Copies the CMS bundle into the built site's `admin/` folder. */
export function copyAdminAssets(outDir: string): void {
  const target = join(outDir, 'admin');
  mkdirSync(target, { recursive: true });
  for (const [name, file] of adminAssets()) copyFileSync(file, join(target, name));
}
