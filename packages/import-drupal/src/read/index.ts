import type { DrupalSite, DrupalSource, ReadOptions } from '../model.ts';
import { connect } from './connection.ts';
import { FieldStore } from './fields.ts';
import { findLogo, readFiles } from './files.ts';
import { loadDump, type LoadedDump } from './load-dump.ts';
import { readNodes } from './nodes.ts';
import { readNotImported } from './not-imported.ts';
import { readPeople } from './people.ts';
import { recogniseSite } from './recognise.ts';
import { logoPath, readSettings, readVariables } from './settings.ts';
import { readAliases, readMenus, readTerms } from './structure.ts';

export { DrupalReadError } from './read-error.ts';
export { startPrivateMariaDb, type PrivateMariaDb } from './private-server.ts';

/**
 * Reads a Drupal 7 Open Outreach site into the model: from a running database, or from a mysqldump
 * file loaded into a temporary database (dropped afterwards). Stops with a `DrupalReadError` whose
 * message says what to do when the database is unreachable or not an Open Outreach site.
 */
export async function readDrupalSite(source: DrupalSource, options: ReadOptions = {}): Promise<DrupalSite> {
  const progress = options.onProgress;
  let loaded: LoadedDump | undefined;
  if ('dumpFile' in source) {
    progress?.('load dump', 0, 1);
    loaded = await loadDump(source.dumpFile, source.server);
    progress?.('load dump', 1, 1);
  }
  try {
    const db = await connect(loaded?.url ?? (source as { url: string }).url);
    try {
      await recogniseSite(db, options.tablePrefix);
      const problems: DrupalSite['problems'] = [];
      const variables = await readVariables(db, problems);
      const settings = await readSettings(db, variables, problems);
      progress?.('settings', 1, 1);
      const store = await FieldStore.read(db);
      const files = await readFiles(db, store, options.filesDir, problems);
      progress?.('files', files.size, files.size);
      const terms = await readTerms(db);
      progress?.('terms', terms.length, terms.length);
      const { nodes, places } = await readNodes({ db, store, files, timezone: settings.timezone, problems, ...(progress ? { onProgress: progress } : {}) });
      const aliases = await readAliases(db);
      const people = await readPeople(db, store, files, aliases);
      progress?.('people', people.length, people.length);
      const menus = await readMenus(db);
      progress?.('menus', menus.length, menus.length);
      const publicPath = variables.get('file_public_path');
      const logo = findLogo(logoPath(variables), files, options.filesDir, typeof publicPath === 'string' ? publicPath : 'sites/default/files');
      return {
        site: { ...settings, ...(logo ? { logo } : {}) },
        nodes,
        people,
        media: [...files.values()],
        places,
        terms,
        menus,
        aliases,
        notImported: await readNotImported(db),
        problems,
      };
    } finally {
      await db.close();
    }
  } finally {
    await loaded?.dispose();
  }
}
