import type { DrupalSite } from '../model.ts';
import type { DrupalDatabase } from './connection.ts';

/** What the site holds that a static member site does not take: forms and their submissions, comments, contact forms, accounts. */
export async function readNotImported(db: DrupalDatabase): Promise<DrupalSite['notImported']> {
  const tables = new Set(await db.tables());
  const has = (table: string) => tables.has(`${db.prefix}${table}`);
  const count = async (sql: string) => Number((await db.rows<{ n: number }>(sql))[0]?.n ?? 0);
  const found: DrupalSite['notImported'] = [];

  const webforms = await db.rows<{ nid: number; title: string }>("SELECT nid, title FROM {node} WHERE type = 'webform' ORDER BY nid");
  if (webforms.length) {
    const submissions = has('webform_submissions') ? await count('SELECT COUNT(*) AS n FROM {webform_submissions}') : 0;
    found.push({
      kind: 'webform',
      count: webforms.length,
      note: `${webforms.map((w) => `node/${w.nid} "${w.title}"`).join(', ')}; ${submissions} submission${submissions === 1 ? '' : 's'} stay in Drupal: export them before switching it off`,
    });
  }
  if (has('comment')) {
    const comments = await count('SELECT COUNT(*) AS n FROM {comment}');
    if (comments) found.push({ kind: 'comment', count: comments, note: 'member sites have no comments' });
  }
  if (has('contact')) {
    const forms = await db.rows<{ category: string; recipients: string }>('SELECT category, recipients FROM {contact} ORDER BY weight, cid');
    if (forms.length)
      found.push({
        kind: 'contact',
        count: forms.length,
        note: `site-wide contact form categories: ${forms.map((f) => `"${f.category}" (${f.recipients})`).join(', ')}`,
      });
  }
  // Debut RedHen (a CRM) and Simplenews (newsletters) keep people's data a static site does not hold.
  for (const [table, kind, note] of [
    ['redhen_contact', 'crm contact', 'RedHen CRM contacts'],
    ['redhen_org', 'crm organisation', 'RedHen CRM organisations'],
    ['simplenews_subscriber', 'newsletter subscriber', 'Simplenews subscribers: move them to the newsletter service the site uses'],
  ] as const) {
    if (!has(table)) continue;
    const n = await count(`SELECT COUNT(*) AS n FROM {${table}}`);
    if (n) found.push({ kind, count: n, note });
  }
  const users = await count('SELECT COUNT(*) AS n FROM {users} WHERE uid > 0');
  if (users) found.push({ kind: 'user', count: users, note: 'accounts are not moved; editors sign in to the CMS with their git host account' });
  return found;
}
