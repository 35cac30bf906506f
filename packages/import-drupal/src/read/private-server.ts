import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { DrupalReadError } from './read-error.ts';

/** A MariaDB server of our own, on a socket in a temporary folder, with no network port. */
export interface PrivateMariaDb {
  /** Connection URL for the `root` user (no password) over the socket, without a database. */
  url: string;
  socket: string;
  /** Stops the server and deletes its folder. */
  stop: () => Promise<void>;
}

const SERVER_PATHS = ['/usr/sbin/mariadbd', '/usr/bin/mariadbd', '/usr/sbin/mysqld'];
const INSTALL_PATHS = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db'];

function firstExisting(paths: string[]): string | undefined {
  return paths.find((path) => existsSync(path));
}

/**
 * Starts a private MariaDB (Debian's `mariadb-server` package): a fresh data folder, a socket, no
 * TCP, root without a password. Used to load a mysqldump file when no server is given, and by tests.
 */
export async function startPrivateMariaDb(): Promise<PrivateMariaDb> {
  const server = firstExisting(SERVER_PATHS);
  const install = firstExisting(INSTALL_PATHS);
  if (!server || !install) {
    throw new DrupalReadError(
      'MariaDB is not installed, and reading a database dump needs it: install it (Debian/Ubuntu: apt-get install mariadb-server) or give a running server with --server mysql://…',
    );
  }
  const folder = mkdtempSync(join(tmpdir(), 'oo-mariadb-'));
  const datadir = join(folder, 'data');
  const socket = join(folder, 'mariadb.sock');
  const user = userInfo().username;
  const setup = spawnSync(
    install,
    ['--no-defaults', `--datadir=${datadir}`, `--user=${user}`, '--auth-root-authentication-method=normal', '--skip-test-db', '--skip-name-resolve'],
    { encoding: 'utf8' },
  );
  if (setup.status !== 0) {
    rmSync(folder, { recursive: true, force: true });
    throw new DrupalReadError(`Could not create a MariaDB data folder with ${install}: ${setup.stderr.trim().split('\n').at(-1)}`);
  }
  const errorLog = join(folder, 'error.log');
  const child = spawn(
    server,
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--socket=${socket}`,
      `--pid-file=${join(folder, 'mariadb.pid')}`,
      `--log-error=${errorLog}`,
      `--user=${user}`,
      '--skip-networking',
      '--skip-name-resolve',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=64M',
      '--innodb-flush-log-at-trx-commit=0',
      '--max-allowed-packet=64M',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_general_ci',
    ],
    { stdio: 'ignore' },
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  for (let attempt = 0; !existsSync(socket); attempt++) {
    if (exited || attempt > 300) {
      const log = existsSync(errorLog) ? readFileSync(errorLog, 'utf8').trim().split('\n').slice(-3).join(' / ') : '';
      child.kill('SIGKILL');
      rmSync(folder, { recursive: true, force: true });
      throw new DrupalReadError(`MariaDB (${server}) did not start: ${log || 'no log'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `mysql://root@localhost/?socket=${encodeURIComponent(socket)}`,
    socket,
    stop: async () => {
      if (!exited) {
        const done = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await done;
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
