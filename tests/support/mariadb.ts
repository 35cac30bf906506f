/**
 * A private MariaDB for tests: a fresh data folder in a temporary folder, a socket, no TCP port.
 * `url` connects as root without a password and without a database (`mysql://root@localhost/?socket=…`).
 * It is the importer's own server starter, so tests run MariaDB exactly as the importer does for a dump.
 */
export { startPrivateMariaDb as startMariaDb, type PrivateMariaDb } from '../../packages/import-drupal/src/read/private-server.ts';
