import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { userEnvironment } from './build.ts';
import { freePort } from './site-repo.ts';

const require = createRequire(import.meta.url);
const ASTRO_BIN = join(dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');

/** An `astro dev` server of a site, on loopback. */
export interface DevServer {
  /** The site's address, ending with `/`. */
  url: string;
  /** Everything the server has printed so far. */
  output: () => string;
  /** Whether the server's process has ended. */
  exited: () => boolean;
  stop: () => Promise<void>;
}

/**
 * Runs `astro dev` in `dir` on a free port and waits (60 s at most) until it answers; fails with
 * its output if it ends or does not answer in time. `env` adds variables to a member's
 * environment, e.g. `OPENOUTREACH_BUILD_DATE`.
 */
export async function startDevServer(dir: string, env: Record<string, string> = {}): Promise<DevServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [ASTRO_BIN, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: dir,
    env: { ...userEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let ended = false;
  const closed = new Promise<void>((resolve) => child.on('close', () => ((ended = true), resolve())));
  const server: DevServer = {
    url,
    output: () => output,
    exited: () => ended,
    stop: async () => {
      if (!ended) child.kill('SIGTERM');
      await closed;
    },
  };
  for (const deadline = Date.now() + 60_000; Date.now() < deadline && !ended;) {
    const answered = await fetch(url).then(
      () => true,
      () => false,
    );
    if (answered) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();
  throw new Error(`astro dev did not start in ${dir}:\n${output.slice(-3000)}`);
}
