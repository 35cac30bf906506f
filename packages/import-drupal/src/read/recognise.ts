import type { DrupalDatabase } from './connection.ts';
import { phpUnserialize } from './php-unserialize.ts';
import { DrupalReadError } from './read-error.ts';

/** Tables every Drupal 7 site has and the reader needs. */
const REQUIRED = [
  'system',
  'variable',
  'node',
  'node_revision',
  'users',
  'field_config',
  'field_config_instance',
  'url_alias',
  'menu_links',
  'file_managed',
  'taxonomy_term_data',
];

/**
 * Checks that the database holds a Drupal 7 Open Outreach site and finds its table prefix.
 * Stops with a message naming what is missing otherwise.
 */
export async function recogniseSite(db: DrupalDatabase, tablePrefix?: string): Promise<void> {
  const tables = await db.tables();
  if (!tables.length) throw new DrupalReadError(`The database "${db.name}" has no tables. Is it the Drupal site's database, and did the dump load?`);
  db.prefix = tablePrefix ?? findPrefix(db.name, tables);
  const missing = REQUIRED.filter((table) => !tables.includes(db.prefix + table));
  if (missing.length) {
    const hint =
      tables.includes(`${db.prefix}config`) && tables.includes(`${db.prefix}key_value`)
        ? ' It looks like Drupal 8 or later, which this importer does not read.'
        : '';
    throw new DrupalReadError(
      `The database "${db.name}" is not a Drupal 7 site: it has no ${missing.map((t) => `\`${db.prefix}${t}\``).join(', ')} table${missing.length > 1 ? 's' : ''}.${hint}`,
    );
  }
  const [system] = await db.rows<{ schema_version: number }>("SELECT schema_version FROM {system} WHERE name = 'system' AND type = 'module'");
  const version = Number(system?.schema_version ?? 0);
  if (version < 7000 || version >= 8000) {
    throw new DrupalReadError(
      `The database "${db.name}" is not a Drupal 7 site: its system module's schema version is ${version || 'missing'} (Drupal 7 has 7000–7999).`,
    );
  }
  const [profile] = await db.rows<{ value: Buffer }>("SELECT value FROM {variable} WHERE name = 'install_profile'");
  const installProfile = profile ? phpUnserialize(profile.value) : undefined;
  const enabled = await db.rows<{ name: string }>(
    "SELECT name FROM {system} WHERE type = 'module' AND status = 1 AND (name = 'openoutreach' OR name LIKE 'debut\\_%')",
  );
  // Open Outreach's install profile, or its Debut features installed on another profile.
  if (installProfile !== 'openoutreach' && !enabled.length) {
    throw new DrupalReadError(
      `The database "${db.name}" is a Drupal 7 site, but not an Open Outreach one: its install profile is "${installProfile ?? 'unknown'}" (variable install_profile) and no Debut feature is enabled; the importer knows Open Outreach's content types only.`,
    );
  }
}

function findPrefix(database: string, tables: string[]): string {
  const prefixes = tables
    .filter((t) => t.endsWith('node_revision'))
    .map((t) => t.slice(0, -'node_revision'.length))
    .filter((p) => tables.includes(`${p}variable`));
  if (prefixes.length > 1 && !prefixes.includes('')) {
    throw new DrupalReadError(
      `The database "${database}" holds several Drupal sites (table prefixes ${prefixes.map((p) => `"${p}"`).join(', ')}): say which one with --table-prefix.`,
    );
  }
  return prefixes.includes('') ? '' : (prefixes[0] ?? '');
}
