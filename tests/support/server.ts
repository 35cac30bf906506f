import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ics': 'text/calendar',
  '.yml': 'text/yaml',
};

export interface StaticServer {
  /** The site's address, base path included, ending with `/`. */
  url: string;
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves `dir` at `base` on loopback the way static hosts do: `/x/` serves `x/index.html`,
 * `/x` redirects to `/x/` when it is a folder, anything else missing gets `404.html` with 404.
 */
export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const notFound = () => {
      const page = join(dir, '404.html');
      response.writeHead(404, { 'Content-Type': TYPES['.html']! });
      if (existsSync(page)) createReadStream(page).pipe(response);
      else response.end('Not found');
    };
    if (!pathname.startsWith(prefix) && `${pathname}/` !== prefix) return notFound();
    const relativePath = normalize(pathname.slice(prefix.length - 1) || '/');
    if (relativePath.includes('..')) return notFound();
    let file = join(dir, relativePath);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { Location: `${pathname}/` });
        return response.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) return notFound();
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
