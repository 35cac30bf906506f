// @ts-check
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts decap-server's git middleware (backend-process.mjs) for the site folder `siteDir`,
 * listening on a Unix socket in a new folder only this user can open (a named pipe on Windows)
 * rather than on a TCP port, so that a web page, even one whose name was rebound to 127.0.0.1,
 * cannot reach it: only the save guard can. Resolves once it answers, with the socket's path.
 * @param {{ siteDir: string, origin: string, env?: Record<string, string> }} options
 * @returns {Promise<{ socketPath: string, child: import('node:child_process').ChildProcess, stop: () => void }>}
 */
export function startBackend({ siteDir, origin, env = {} }) {
  const folder = process.platform === 'win32' ? undefined : mkdtempSync(join(tmpdir(), 'openoutreach-edit-'));
  const socketPath = folder ? join(folder, 'backend.sock') : `\\\\.\\pipe\\openoutreach-edit-${randomUUID()}`;
  const child = fork(join(import.meta.dirname, 'backend-process.mjs'), [], {
    cwd: siteDir,
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env, MODE: 'git', GIT_REPO_DIRECTORY: siteDir, ORIGIN: origin, OPENOUTREACH_BACKEND_SOCKET: socketPath, LOG_LEVEL: 'warn' },
  });
  const stop = () => {
    child.kill('SIGTERM');
    if (folder) rmSync(folder, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    child.once('message', (message) => (message === 'ready' ? resolve({ socketPath, child, stop }) : undefined));
    child.once('exit', (code) => {
      stop();
      reject(new Error(`The CMS backend (decap-server) stopped before it was ready (exit code ${code}).`));
    });
  });
}
