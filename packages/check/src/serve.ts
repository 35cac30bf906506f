import { createReadStream, existsSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { resolvePath } from './site-files.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

export interface SiteServer {
  /** The site's address, base path included, ending with `/`. */
  url: string;
  /** `http://127.0.0.1:<port>`: requests anywhere else leave the site. */
  origin: string;
  close: () => Promise<void>;
}

function sendFile(response: ServerResponse, status: number, file: string) {
  response.writeHead(status, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
  createReadStream(file).pipe(response);
}

/**
 * Serves `dist` at `base` on 127.0.0.1 the way static hosts do: `/x/` serves `x/index.html`,
 * `/x` redirects to `/x/` when `x` is a folder, anything else gets `404.html` with status 404.
 */
export async function serveSite(dist: string, base: string): Promise<SiteServer> {
  const notFoundPage = join(dist, '404.html');
  const server = createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      pathname = '';
    }
    const resolution = resolvePath(dist, base, pathname);
    if (resolution.kind === 'file') return sendFile(response, 200, join(dist, resolution.file));
    if (resolution.kind === 'redirect') {
      response.writeHead(301, { Location: resolution.location });
      return response.end();
    }
    if (existsSync(notFoundPage)) return sendFile(response, 404, notFoundPage);
    response.writeHead(404, { 'Content-Type': CONTENT_TYPES['.txt']! });
    response.end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
