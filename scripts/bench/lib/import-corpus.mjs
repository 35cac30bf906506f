// The import benchmark's Drupal 7 site: the fixture site (tests/fixtures/drupal7) grown to
// `nodes` nodes of the fixture's types, `images` of them with a photo of their own, written as a
// mysqldump by the fixture's own code (fixtureSql's `more`), and the photos into a files/ folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { fixtureSql } from '../../../tests/fixtures/drupal7/lib/site.mjs';
import { createRandom } from './prng.mjs';
import { ADJECTIVES, GROUPS, NOUNS, PLACES, STREETS, TAGS, THINGS, VERBS_PAST } from './words.mjs';

/** Nodes and images at scale 1, the target: 5,000 nodes with 500 images. */
export const FULL_IMPORT = { nodes: 5000, images: 500 };

/** The fixture's own nodes (nid 1–40): the generated ones come after them. */
const FIXTURE_NODES = 40;
const FIRST_FID = 101;
const FIRST_TAG = 101;
const PHOTO = { width: 800, height: 600 };

/**
 * The mix of types, per 100 generated nodes, and where each lives on the old site. The photos go
 * to types that are imported and have field_content_image (`image: true`), so that every photo
 * reaches the member site (highlighted and member pages are listed as not imported).
 */
const MIX = [
  { type: 'article', share: 30, image: true, alias: 'news' },
  { type: 'blog', share: 25, image: true, alias: 'blog' },
  { type: 'event', share: 15, image: true, alias: 'events' },
  { type: 'section', share: 8, image: true, alias: 'about' },
  { type: 'link', share: 8, image: true, alias: 'links' },
  { type: 'location', share: 4, image: false, alias: 'location' },
  { type: 'highlighted', share: 3, image: false, alias: 'highlights' },
  { type: 'member_page', share: 4, image: false, alias: 'members' },
  { type: 'webform', share: 3, image: false, alias: 'forms' },
];
const CYCLE = MIX.flatMap((entry) => Array.from({ length: entry.share }, () => entry));

/** Node and image counts at `scale` (1 = the 5,000 nodes with 500 images). */
export function importCounts(scale) {
  return { nodes: Math.max(FIXTURE_NODES + 10, Math.round(FULL_IMPORT.nodes * scale)), images: Math.max(1, Math.round(FULL_IMPORT.images * scale)) };
}

const slug = (text) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The file path (under files/) of generated photo `index`. */
const photoPath = (index) => `bench/${String(Math.floor(index / 100)).padStart(2, '0')}/photo-${String(index).padStart(4, '0')}.jpg`;

/**
 * The dump (mysqldump text) of the fixture site with `nodes` nodes in all, `images` of which have a
 * photo (file_managed rows `public://bench/…`), the list of photos to write, and the dump's counts
 * of nodes (all, published) and files.
 */
export function importCorpusSql({ nodes, images }) {
  const random = createRandom(`import-drupal-${nodes}-${images}`);
  const { pick } = random;
  const sentence = () => {
    const words = [pick(GROUPS), pick(VERBS_PAST), 'the', pick(ADJECTIVES), pick(NOUNS), 'at', pick(PLACES)];
    return `${words.join(' ')}, with ${random.int(3, 60)} ${pick(THINGS)}.`;
  };
  const paragraph = () => Array.from({ length: random.int(3, 7) }, sentence).join(' ');
  const generated = nodes - FIXTURE_NODES;
  const photos = [];
  let site;

  const sql = fixtureSql({
    more: ({ rows, add, addNode, addLink, ts, body, image, tags, link, place, occurrences }) => {
      site = rows;
      // Tags beyond the fixture's five, in vocabulary 1 (tags).
      const tagIds = TAGS.map((name, index) => {
        const tid = FIRST_TAG + index;
        add('taxonomy_term_data', { tid, vid: 1, name, description: '', format: 'filtered_html', weight: index });
        add('taxonomy_term_hierarchy', { tid, parent: 0 });
        return tid;
      });
      // Photos: file entities with alt text, used by one node each (and now and then inline in another).
      for (let index = 0; index < images; index++) {
        const fid = FIRST_FID + index;
        const path = photoPath(index);
        add('file_managed', {
          fid,
          uid: 1,
          filename: path.split('/').pop(),
          uri: `public://${path}`,
          filemime: 'image/jpeg',
          filesize: 20000 + index,
          status: 1,
          timestamp: ts('2024-01-01T00:00:00Z') + index * 3600,
          type: 'image',
        });
        photos.push({ path, seed: index });
      }
      // Which generated nodes carry a photo: evenly spread over the image-bearing ones.
      const types = Array.from({ length: generated }, (_, index) => CYCLE[index % CYCLE.length]);
      const bearers = types.flatMap((entry, index) => (entry.image ? [index] : []));
      const photoOf = new Map(Array.from({ length: Math.min(images, bearers.length) }, (_, k) => [bearers[Math.floor((k * bearers.length) / images)], k]));

      const places = [27, 28];
      const books = [];
      const usedAliases = new Set(rows.url_alias.map((row) => `${row.language}:${row.alias}`));
      let pid = rows.url_alias.length;
      for (let index = 0; index < generated; index++) {
        const nid = FIXTURE_NODES + 1 + index;
        const { type, alias } = types[index];
        const adjective = pick(ADJECTIVES);
        const title = `${adjective[0].toUpperCase()}${adjective.slice(1)} ${pick(THINGS)}: ${pick(NOUNS)} at ${pick(PLACES)}`;
        const language = index % 20 === 7 ? 'fr' : type === 'location' ? 'und' : 'en';
        const created = new Date(Date.parse('2012-01-01T12:00:00Z') + index * 37_000_000).toISOString();
        const photo = photoOf.get(index);
        const fields = {};
        if (!['highlighted', 'location'].includes(type)) {
          const parts = [`<p>${paragraph()}</p>`];
          if (index % 4 === 0) parts.push(`<h2>${pick(NOUNS)}</h2>`, `<ul><li>${sentence()}</li><li>${sentence()}</li></ul>`);
          const other = random.int(1, nid - 1);
          parts.push(`<p>${paragraph()} Read <a href="/node/${other}">an earlier post</a>.</p>`);
          if (photo !== undefined && photo % 5 === 0 && images > 1) {
            const inline = photoPath((photo + 1) % images);
            parts.push(`<p><img src="/sites/default/files/${inline}" alt="${sentence()}" width="${PHOTO.width}" height="${PHOTO.height}"></p>`);
          }
          Object.assign(fields, body(parts.join(''), index % 3 === 0 ? { summary: sentence() } : {}));
        }
        if (photo !== undefined) Object.assign(fields, image(FIRST_FID + photo, index % 9 === 0 ? '' : sentence()));
        if (['article', 'blog', 'event', 'member_page'].includes(type)) Object.assign(fields, tags(pick(tagIds), pick([1, 2, 3, ...tagIds])));
        if (type === 'event') {
          const day = new Date(Date.parse('2024-01-06T00:00:00Z') + index * 86_400_000).toISOString().slice(0, 10);
          const weekly = index % 5 === 0;
          const days = weekly ? [0, 7, 14, 21].map((d) => new Date(Date.parse(`${day}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10)) : [day];
          const until = `${days.at(-1).replaceAll('-', '')}T235959Z`;
          fields.field_event_date = occurrences(days, '18:00', '20:00', weekly ? `RRULE:FREQ=WEEKLY;INTERVAL=1;UNTIL=${until};WKST=SU` : null);
          fields.field_event_type = { tid: index % 2 ? 20 : 21 };
          fields.field_location = { target_id: pick(places) };
        }
        if (type === 'link') Object.assign(fields, link(`https://${slug(pick(GROUPS))}.example/${index}`), { field_link_term: { tid: index % 2 ? 30 : 31 } });
        if (type === 'highlighted')
          Object.assign(fields, { field_kicker: { value: pick(NOUNS), format: 'plain_text' } }, link(`node/${random.int(1, nid - 1)}`, 'Read more'));
        if (type === 'location') {
          place(
            nid,
            `${pick(PLACES)} ${index}`,
            { country: 'CA', administrative_area: 'ON', locality: 'Toronto', postal_code: 'M5A 1A1', thoroughfare: `${random.int(1, 900)} ${pick(STREETS)}` },
            43.6 + random.next() / 10,
            -79.4 + random.next() / 10,
            41,
            created,
          );
          places.push(nid);
        } else {
          addNode({
            nid,
            type,
            title,
            language,
            uid: 1 + (index % 3),
            status: index % 25 === 3 ? 0 : 1,
            created,
            promote: type === 'article' ? 1 : 0,
            fields,
            ...(index % 7 === 0 && fields.body ? { older: [{ title: `Draft: ${title}`, fields: body(`<p>${sentence()}</p>`) }] } : {}),
          });
        }
        if (type === 'webform') add('webform', { nid, confirmation: 'Thanks!', confirmation_format: 'filtered_html', status: 1, submit_text: 'Send' });
        // Sections: books of up to ten pages, each under the book's first page.
        if (type === 'section') {
          const book = books.at(-1);
          const mlid = addLink({
            menu: `book-toc-${book && book.size < 10 ? book.bid : nid}`,
            title,
            path: `node/${nid}`,
            parent: book && book.size < 10 ? book.mlid : 0,
            module: 'book',
          });
          if (book && book.size < 10) {
            book.size++;
            add('book', { mlid, nid, bid: book.bid });
          } else {
            books.push({ bid: nid, mlid, size: 1 });
            add('book', { mlid, nid, bid: nid });
          }
        }
        // Old addresses: one alias per node (a few twice, as pathauto leaves them), unique per language.
        let path = `${alias}/${slug(title)}`;
        if (usedAliases.has(`${language}:${path}`)) path = `${path}-${nid}`;
        usedAliases.add(`${language}:${path}`);
        add('url_alias', { pid: ++pid, source: `node/${nid}`, alias: path, language });
        if (index % 50 === 0) add('url_alias', { pid: ++pid, source: `node/${nid}`, alias: `${path}-old`, language });
        if (photo !== undefined) add('file_usage', { fid: FIRST_FID + photo, module: 'file', type: 'node', id: nid, count: 1 });
      }
    },
  });
  const files = site.file_managed.length;
  return { sql, photos, nodes: site.node.length, published: site.node.filter((node) => node.status === 1).length, files };
}

/** Writes the photos (small, distinct JPEGs) under `filesDir`, as the Drupal site's files folder has them. */
export async function writePhotos(filesDir, photos) {
  for (const { path, seed } of photos) {
    const target = join(filesDir, path);
    mkdirSync(join(target, '..'), { recursive: true });
    const random = createRandom(`photo-${seed}`);
    const colour = () => `#${random.int(0, 0xffffff).toString(16).padStart(6, '0')}`;
    const { width, height } = PHOTO;
    const circles = Array.from(
      { length: 6 },
      () => `<circle cx="${random.int(0, width)}" cy="${random.int(0, height)}" r="${random.int(20, height / 3)}" fill="${colour()}" fill-opacity="0.7"/>`,
    ).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${colour()}"/>${circles}</svg>`;
    writeFileSync(target, await sharp(Buffer.from(svg)).jpeg({ quality: 75 }).toBuffer());
  }
}
