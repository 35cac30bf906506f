import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { connect, parseDatabaseUrl, redact } from './connection.ts';
import { startPrivateMariaDb } from './private-server.ts';
import { DrupalReadError } from './read-error.ts';

/** A dump loaded into a temporary database: where to read it, and how to throw it away. */
export interface LoadedDump {
  url: string;
  dispose: () => Promise<void>;
}

const CLIENTS = ['mariadb', 'mysql'];

function findClient(): string {
  const client = CLIENTS.find((name) => spawnSync(name, ['--version']).status === 0);
  if (!client) {
    throw new DrupalReadError(
      'Loading a database dump needs the MariaDB command-line client: install it (Debian/Ubuntu: apt-get install mariadb-client) or load the dump yourself and give --database mysql://…',
    );
  }
  return client;
}

/**
 * Loads a mysqldump file (`.sql` or `.sql.gz`) into a new database: on `server` when given (a
 * connection URL without a database; the database is created there and dropped afterwards), else
 * on a private MariaDB started for the purpose.
 */
export async function loadDump(dumpFile: string, server?: string): Promise<LoadedDump> {
  if (!existsSync(dumpFile)) throw new DrupalReadError(`The database dump ${dumpFile} does not exist.`);
  const client = findClient();
  const privateServer = server ? undefined : await startPrivateMariaDb();
  const serverUrl = server ?? privateServer!.url;
  const database = `oo_import_${process.pid}_${Date.now().toString(36)}`;
  const settings = parseDatabaseUrl(serverUrl, { requireDatabase: false });
  const url = withDatabase(serverUrl, database);
  const stop = async () => {
    await privateServer?.stop();
  };
  try {
    const admin = await connect(withDatabase(serverUrl, 'mysql'));
    try {
      await admin.rows(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4`);
    } finally {
      await admin.close();
    }
    const args = [
      '--no-defaults',
      ...(settings.socketPath ? [`--socket=${settings.socketPath}`] : [`--host=${settings.host}`, `--port=${settings.port}`]),
      `--user=${settings.user}`,
      '--max-allowed-packet=1G',
      '--default-character-set=utf8mb4',
      database,
    ];
    await runClient(client, args, dumpFile, settings.password);
  } catch (error) {
    await stop();
    if (error instanceof DrupalReadError) throw error;
    throw new DrupalReadError(`Could not load ${dumpFile} into ${redact(serverUrl)}: ${error instanceof Error ? error.message : error}`);
  }
  return {
    url,
    dispose: async () => {
      if (server) {
        const admin = await connect(withDatabase(serverUrl, 'mysql'));
        try {
          await admin.rows(`DROP DATABASE IF EXISTS \`${database}\``);
        } finally {
          await admin.close();
        }
      }
      await stop();
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function runClient(client: string, args: string[], dumpFile: string, password?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(client, args, {
      stdio: ['pipe', 'ignore', 'pipe'],
      // The password goes through the environment, not the command line other users can read.
      env: { ...process.env, ...(password ? { MYSQL_PWD: password } : {}) },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const input = createReadStream(dumpFile);
    input.on('error', reject);
    (dumpFile.endsWith('.gz') ? input.pipe(createGunzip()).on('error', reject) : input).pipe(child.stdin);
    child.stdin.on('error', () => {
      // The client stopped reading because it failed: its exit status and stderr say why.
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else {
        const message = stderr.trim().split('\n').at(-1) ?? `exit status ${code}`;
        reject(new DrupalReadError(`Could not load the dump ${dumpFile}: ${message}. Is it a mysqldump of the site's database?`));
      }
    });
  });
}
