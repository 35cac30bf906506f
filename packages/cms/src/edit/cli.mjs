// @ts-check
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { commitIdentity, editingBlockers } from './git.mjs';
import { startBackend } from './backend.mjs';
import { startSaveGuard } from './guard.mjs';
import { siteOrigins } from './requests.mjs';

const require = createRequire(import.meta.url);
export const DECAP_PORT = Number(process.env.OPENOUTREACH_CMS_PORT ?? 8081);
export const SITE_PORT = Number(process.env.OPENOUTREACH_SITE_PORT ?? 4321);

/** @param {number} port */
function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * Local editing: the site's dev server on loopback, plus decap-server in git mode, so every
 * save in the browser CMS becomes a git commit in this repository. decap-server listens on a
 * private socket (backend.mjs); the CMS reaches it only through the guard (guard.mjs), which
 * lets through only the site's own CMS, only paths in the site's src/ folder, and no save while
 * files changed outside the CMS would be swept into its commit.
 * @param {{ siteDir: string, log?: (line: string) => void, sitePort?: number, decapPort?: number }} options
 * @returns {Promise<number>} the exit code
 */
export async function edit({ siteDir, log = console.log, sitePort = SITE_PORT, decapPort = DECAP_PORT }) {
  const blockers = editingBlockers(siteDir);
  if (blockers.length) {
    log(`Local editing did not start.\n\n${blockers.join('\n\n')}`);
    return 1;
  }
  for (const [port, what] of /** @type {const} */ ([
    [decapPort, 'the CMS backend'],
    [sitePort, 'the site'],
  ])) {
    if (!(await portIsFree(port))) {
      log(
        `Local editing did not start: port ${port} on 127.0.0.1, needed for ${what}, is in use.\n  Fix: stop the other program using it (perhaps another \`npm run edit\`), then start again.`,
      );
      return 1;
    }
  }
  const backend = await startBackend({ siteDir, origin: siteOrigins(sitePort)[0], env: commitIdentity(siteDir) }).catch((/** @type {Error} */ error) => error);
  if (backend instanceof Error) {
    log(`Local editing did not start: ${backend.message}`);
    return 1;
  }
  const guard = await startSaveGuard({ siteDir, port: decapPort, origins: siteOrigins(sitePort), backendSocket: backend.socketPath, log: console.warn }).catch(
    (/** @type {Error} */ error) => error,
  );
  if (guard instanceof Error) {
    backend.stop();
    log(
      `Local editing did not start: the CMS backend could not listen on 127.0.0.1:${decapPort} (${guard.message}).\n  Fix: stop the other program using that port, then start again.`,
    );
    return 1;
  }
  const astro = join(dirname(require.resolve('astro/package.json', { paths: [siteDir] })), 'bin/astro.mjs');
  const site = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(sitePort)], {
    cwd: siteDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, OPENOUTREACH_CMS_PORT: String(decapPort), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  log(
    `\nEdit your site at http://127.0.0.1:${sitePort}/admin/ (press Ctrl+C to stop).\nEvery save becomes a git commit; the site at http://127.0.0.1:${sitePort}/ updates as you go.\n`,
  );
  const stop = () => {
    guard.closeAllConnections();
    guard.close();
    backend.stop();
    site.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise((resolve) => {
    let exited = 0;
    /** @param {number | null} code */
    const onExit = (code) => {
      stop();
      if (++exited === 2) resolve(code ?? 0);
    };
    backend.child.once('exit', onExit);
    site.once('exit', onExit);
  });
}
