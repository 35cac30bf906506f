import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StaticServer } from './server.ts';

const NGINX_PATHS = ['/usr/sbin/nginx', '/usr/bin/nginx'];

export function findNginx(): string | undefined {
  return NGINX_PATHS.find((path) => spawnSync(path, ['-v']).status === 0);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The main configuration of an nginx run by a test as root in the foreground, everything it
 * writes under `prefix` (a folder path ending in `/`), with `http`'s directives in its http block.
 */
export function privateNginxConfig(prefix: string, http: string): string {
  return `daemon off;
worker_processes 1;
user root;
pid ${prefix}nginx.pid;
error_log ${prefix}error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${prefix}body;
  proxy_temp_path ${prefix}proxy;
  fastcgi_temp_path ${prefix}fastcgi;
  uwsgi_temp_path ${prefix}uwsgi;
  scgi_temp_path ${prefix}scgi;
  ${http}
}
`;
}

/**
 * Serves `dist` at `base` with a real nginx on loopback, configured as the co-op's hosting
 * documentation says (directory index, 404 page, no listing); `include`, a file of directives,
 * goes inside the location that serves the site, as docs/hosting.md says of the headers snippet.
 */
export async function serveWithNginx(dist: string, base: string, { include }: { include?: string } = {}): Promise<StaticServer> {
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx is not installed (Debian: apt-get install nginx-light).');
  const prefix = join(mkdtempSync(join(tmpdir(), 'oo-nginx-')), '/');
  const port = await freePort();
  const location = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  writeFileSync(
    join(prefix, 'nginx.conf'),
    privateNginxConfig(
      prefix,
      `server {
    listen 127.0.0.1:${port};
    absolute_redirect off;
    location ${location} {
      alias ${dist.replace(/\/?$/, '/')};
      index index.html;
      try_files $uri $uri/ =404;
      error_page 404 ${location}404.html;${include ? `\n      include ${include};` : ''}
    }
  }`,
    ),
  );
  const child = spawn(nginx, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: 'inherit' });
  const origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await fetch(origin);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url: `${origin}${location}`,
    origin,
    close: async () => {
      child.kill('SIGQUIT');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
