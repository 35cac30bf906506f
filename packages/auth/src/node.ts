/** The broker as a Node HTTP server, for the co-op's own host (behind its TLS proxy). */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  /** The address the server listens on, e.g. `http://127.0.0.1:8787`. */
  url: string;
  close: () => Promise<void>;
}

function toRequest(message: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(new URL(message.url ?? '/', `http://${message.headers.host ?? 'localhost'}`), { method: message.method ?? 'GET', headers });
}

async function send(response: Response, out: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = Object.fromEntries(response.headers);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  out.writeHead(response.status, headers);
  out.end(Buffer.from(await response.arrayBuffer()));
}

/** Serves `handler` on `host`:`port` (port 0: any free one). */
export async function serve(handler: (request: Request) => Promise<Response>, { port = 8787, host = '127.0.0.1' } = {}): Promise<RunningServer> {
  const server = createServer((message, out) => {
    handler(toRequest(message))
      .then((response) => send(response, out))
      .catch((error: unknown) => {
        console.error(error);
        if (!out.headersSent) out.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        out.end('The sign-in broker failed; its log says why.\n');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${shownHost}:${address.port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
