import type { DrupalBio, DrupalFile, DrupalAlias } from '../model.ts';
import type { DrupalDatabase } from './connection.ts';
import { simpleValue, type FieldStore } from './fields.ts';

/** Debut Bio profiles: profile2 entities of type `bio`, with the user's name and picture. */
export async function readPeople(db: DrupalDatabase, store: FieldStore, files: Map<number, DrupalFile>, aliases: DrupalAlias[]): Promise<DrupalBio[]> {
  if (!(await db.tables()).includes(`${db.prefix}profile`)) return [];
  const rows = await db.rows<{ pid: number; uid: number; label: string; name: string | null; picture: number | null }>(
    `SELECT p.pid, p.uid, p.label, u.name, u.picture FROM {profile} p LEFT JOIN {users} u ON u.uid = p.uid WHERE p.type = 'bio' ORDER BY p.pid`,
  );
  const people: DrupalBio[] = [];
  for (const row of rows) {
    const pid = Number(row.pid);
    const fields: Record<string, unknown> = {};
    for (const field of store.fieldsOf('profile2', 'bio')) {
      const items = await store.items(field.name, 'profile2', pid);
      if (!items.length) continue;
      const values = items.map((item) => simpleValue(field.type, item));
      fields[field.name] = field.cardinality === 1 ? values[0] : values;
    }
    const fullName = [fields.field_first_name, fields.field_last_name].filter((part) => typeof part === 'string' && part.trim()).join(' ');
    const name = fullName || (row.label && row.label !== 'Bio' ? row.label : '') || row.name || `Profile ${pid}`;
    const image = row.picture ? files.get(Number(row.picture)) : undefined;
    // The newest alias wins, as in Drupal's lookup.
    const alias = aliases.findLast((a) => a.source === `user/${row.uid}` || a.source === `profile-bio/${row.uid}`)?.alias;
    people.push({ pid, uid: Number(row.uid), name, fields, ...(image ? { image } : {}), ...(alias ? { alias } : {}) });
  }
  return people;
}
