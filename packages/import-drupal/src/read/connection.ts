import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { DrupalReadError } from './read-error.ts';

/** What mysql2 needs, parsed from `mysql://user:pass@host:port/db` or `…/db?socket=/path`. */
export interface ConnectionSettings {
  host?: string;
  port?: number;
  socketPath?: string;
  user: string;
  password?: string;
  database?: string;
}

/** Parses a connection URL; `requireDatabase` says whether the path must name a database. */
export function parseDatabaseUrl(url: string, { requireDatabase = true } = {}): ConnectionSettings {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DrupalReadError(
      `"${url}" is not a database URL. Write it as mysql://user:password@host:3306/database (or mysql://user@localhost/database?socket=/run/mysqld/mysqld.sock).`,
    );
  }
  if (!['mysql:', 'mariadb:'].includes(parsed.protocol)) {
    throw new DrupalReadError(`"${url}" starts with ${parsed.protocol} — the importer reads MySQL/MariaDB only: use mysql://…`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (requireDatabase && !database) {
    throw new DrupalReadError(`The database URL "${redact(url)}" names no database: add it after the host, e.g. mysql://user@localhost/drupal.`);
  }
  const socketPath = parsed.searchParams.get('socket') ?? undefined;
  return {
    ...(socketPath ? { socketPath } : { host: parsed.hostname || 'localhost', port: parsed.port ? Number(parsed.port) : 3306 }),
    user: decodeURIComponent(parsed.username) || 'root',
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(database ? { database } : {}),
  };
}

/** The URL with its password hidden, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

/** A connection that knows the site's table prefix. */
export class DrupalDatabase {
  readonly #connection: Connection;
  readonly name: string;
  /** Drupal's table prefix (`$databases['default']['default']['prefix']`), found by recogniseSite. */
  prefix = '';

  constructor(connection: Connection, name: string) {
    this.#connection = connection;
    this.name = name;
  }

  /** Runs `sql`, where `{table}` stands for a prefixed, quoted table name. */
  async rows<Row = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
    const text = sql.replace(/\{(\w+)\}/g, (_, table: string) => `\`${this.prefix}${table}\``);
    const [rows] = await this.#connection.query<RowDataPacket[]>(text, params);
    return rows as Row[];
  }

  async tables(): Promise<string[]> {
    const rows = await this.rows<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ?', [this.name]);
    return rows.map((row) => row.name);
  }

  async columns(table: string): Promise<string[]> {
    const rows = await this.rows<{ name: string }>(
      'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position',
      [this.name, `${this.prefix}${table}`],
    );
    return rows.map((row) => row.name);
  }

  close(): Promise<void> {
    return this.#connection.end();
  }
}

export async function connect(url: string): Promise<DrupalDatabase> {
  const settings = parseDatabaseUrl(url);
  let connection: Connection;
  try {
    connection = await createConnection({
      ...settings,
      charset: 'utf8mb4_general_ci',
      // Drupal's datetime columns hold UTC wall-clock values: keep them as written.
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: false,
      decimalNumbers: true,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DrupalReadError(`Could not connect to ${redact(url)}: ${reason}. Check the user, password, host (or socket) and database name.`);
  }
  return new DrupalDatabase(connection, settings.database ?? '');
}
