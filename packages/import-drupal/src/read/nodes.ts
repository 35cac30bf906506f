import type { DrupalEventDates, DrupalFile, DrupalNode, DrupalPlace, DrupalProblem } from '../model.ts';
import type { DrupalDatabase } from './connection.ts';
import { icalIso, utcIso, wallClock, zonedToUtcIso } from './dates.ts';
import { simpleValue, type FieldInfo, type FieldItems, type FieldStore } from './fields.ts';

interface NodeRow {
  nid: number;
  vid: number;
  type: string;
  language: string;
  title: string;
  status: number;
  created: number;
  changed: number;
  promote: number;
  sticky: number;
  tnid: number;
  author: string | null;
}

export interface NodeContext {
  db: DrupalDatabase;
  store: FieldStore;
  files: Map<number, DrupalFile>;
  timezone: string;
  problems: DrupalProblem[];
  onProgress?: (step: string, done: number, total: number) => void;
}

const PLACE_TYPE = 'location';
const DATE_TYPES = new Set(['datetime', 'date', 'datestamp']);

/** Every node in its current revision; `location` nodes come back as places. */
export async function readNodes(context: NodeContext): Promise<{ nodes: DrupalNode[]; places: DrupalPlace[] }> {
  const { db } = context;
  const rows = await db.rows<NodeRow>(
    `SELECT n.nid, n.vid, n.type, n.language, n.title, n.status, n.created, n.changed, n.promote, n.sticky, n.tnid, u.name AS author
     FROM {node} n LEFT JOIN {users} u ON u.uid = n.uid AND n.uid > 0 ORDER BY n.nid`,
  );
  const placeNids = new Set(rows.filter((row) => row.type === PLACE_TYPE).map((row) => Number(row.nid)));
  const book = await readBookOutline(db);
  const nodes: DrupalNode[] = [];
  const places: DrupalPlace[] = [];
  for (const [index, row] of rows.entries()) {
    if (row.type === PLACE_TYPE) places.push(await readPlace(context, row));
    else nodes.push(await readNode(context, row, placeNids, book.get(Number(row.nid))));
    if ((index + 1) % 100 === 0 || index + 1 === rows.length) context.onProgress?.('nodes', index + 1, rows.length);
  }
  return { nodes, places };
}

async function readBookOutline(db: DrupalDatabase): Promise<Map<number, { parent?: number; weight: number }>> {
  const outline = new Map<number, { parent?: number; weight: number }>();
  if (!(await db.tables()).includes(`${db.prefix}book`)) return outline;
  const rows = await db.rows<{ nid: number; parent: number | null; weight: number }>(
    `SELECT b.nid, pb.nid AS parent, ml.weight FROM {book} b JOIN {menu_links} ml ON ml.mlid = b.mlid LEFT JOIN {book} pb ON pb.mlid = ml.plid AND ml.plid <> 0`,
  );
  for (const row of rows) outline.set(Number(row.nid), { ...(row.parent ? { parent: Number(row.parent) } : {}), weight: Number(row.weight) });
  return outline;
}

async function readNode(context: NodeContext, row: NodeRow, placeNids: Set<number>, outline?: { parent?: number; weight: number }): Promise<DrupalNode> {
  const nid = Number(row.nid);
  const where = `node/${nid}`;
  const node: DrupalNode = {
    nid,
    vid: Number(row.vid),
    type: row.type,
    language: row.language || 'und',
    tnid: Number(row.tnid),
    title: row.title,
    status: Number(row.status) ? 1 : 0,
    created: Number(row.created),
    changed: Number(row.changed),
    promote: Number(row.promote) === 1,
    sticky: Number(row.sticky) === 1,
    ...(row.author ? { author: row.author } : {}),
    tags: [],
    images: [],
    fields: {},
    ...(outline ? { weight: outline.weight, ...(outline.parent ? { bookParent: outline.parent } : {}) } : {}),
  };
  const otherLanguages = new Set<string>();
  for (const field of context.store.fieldsOf('node', row.type)) {
    const items = await context.store.items(field.name, 'node', nid, node.language);
    if (!items.length) continue;
    for (const language of await context.store.languages(field.name, 'node', nid)) {
      if (language !== node.language && language !== 'und') otherLanguages.add(language);
    }
    if (field.name === 'body' && field.type === 'text_with_summary') {
      const [item] = items;
      node.body = {
        value: String(item!.value ?? ''),
        ...(item!.summary ? { summary: String(item!.summary) } : {}),
        ...(item!.format ? { format: String(item!.format) } : {}),
      };
    } else if (field.type === 'image') {
      node.images.push(...attachedFiles(context, items, where, field.name));
    } else if (field.type === 'file') {
      (node.files ??= []).push(...attachedFiles(context, items, where, field.name));
    } else if (field.type === 'taxonomy_term_reference') {
      const tids = items.map((item) => Number(item.tid)).filter((tid) => tid > 0);
      node.tags.push(...tids.filter((tid) => !node.tags.includes(tid)));
      if (field.name !== 'field_tags') node.fields[field.name] = field.cardinality === 1 ? tids[0] : tids;
    } else if (DATE_TYPES.has(field.type) && !node.event?.dates.length && (field.name === 'field_event_date' || row.type === 'event')) {
      node.event = { ...eventDates(context, field, items, where), ...(node.event?.placeNid ? { placeNid: node.event.placeNid } : {}) };
    } else if (field.type === 'link_field' && !node.link) {
      const [item] = items;
      node.link = { url: String(item!.url ?? ''), ...(item!.title ? { title: String(item!.title) } : {}) };
    } else {
      const values = items.map((item) => simpleValue(field.type, item));
      node.fields[field.name] = field.cardinality === 1 ? values[0] : values;
      if (field.type === 'entityreference' || field.type === 'node_reference') {
        const place = values.find((value): value is number => typeof value === 'number' && placeNids.has(value));
        if (place !== undefined && (node.event || row.type === 'event')) (node.event ??= { dates: [] }).placeNid = place;
      }
    }
  }
  if (otherLanguages.size) {
    context.problems.push({
      where,
      message: `the node has field translations in ${[...otherLanguages].join(', ')} (entity translation); only its ${node.language} values were read`,
    });
  }
  if (node.event && node.event.dates.length === 0 && row.type === 'event') {
    context.problems.push({ where, message: 'the event has no date' });
  }
  return node;
}

function attachedFiles(context: NodeContext, items: FieldItems, where: string, fieldName: string): DrupalFile[] {
  const attached: DrupalFile[] = [];
  for (const item of items) {
    const fid = Number(item.fid);
    const file = context.files.get(fid);
    if (!file) {
      context.problems.push({ where, message: `${fieldName} refers to file ${fid}, which is not in file_managed` });
      continue;
    }
    const copy: DrupalFile = { ...file };
    if (typeof item.alt === 'string' && item.alt.trim()) copy.alt = item.alt.trim();
    if (typeof item.title === 'string' && item.title.trim()) copy.title = item.title.trim();
    if (typeof item.description === 'string' && item.description.trim()) copy.description = item.description.trim();
    if (!copy.path && copy.uri.startsWith('public://') && !copy.remoteUrl) {
      context.problems.push({ where, message: `${fieldName}: the file ${copy.uri} (file ${fid}) is missing from the files folder` });
    }
    attached.push(copy);
  }
  return attached;
}

function eventDates(context: NodeContext, field: FieldInfo, items: FieldItems, where: string): DrupalEventDates {
  const handling = String(field.settings.tz_handling ?? 'site');
  const toIso = (value: unknown, item: Record<string, unknown>): string | undefined => {
    if (value === null || value === undefined || value === '') return undefined;
    if (field.type === 'datestamp') return new Date(Number(value) * 1000).toISOString().replace('.000Z', 'Z');
    const text = String(value).replace('T', ' ');
    // 'none' keeps wall-clock values; the others store UTC (date module's tz_handling).
    return handling === 'none' ? zonedToUtcIso(text, zoneOf(item)) : utcIso(text);
  };
  const zoneOf = (item: Record<string, unknown>): string =>
    handling === 'date' && typeof item.timezone === 'string' && item.timezone ? item.timezone : handling === 'utc' ? 'UTC' : context.timezone;
  const event: DrupalEventDates = { dates: [] };
  for (const item of items) {
    const start = toIso(item.value, item);
    if (!start) continue;
    const end = toIso(item.value2, item);
    event.dates.push({ start, ...(end && end !== start ? { end } : {}), timezone: zoneOf(item) });
  }
  const rule = items.map((item) => item.rrule).find((value): value is string => typeof value === 'string' && value.trim() !== '');
  if (rule) {
    for (const line of rule.split(/\r?\n/)) {
      const [name, ...rest] = line.split(':');
      const value = rest.join(':').trim();
      if (name === 'RRULE') event.rrule = value;
      else if (name === 'EXDATE') event.exdates = [...(event.exdates ?? []), ...value.split(',').map(icalIso)];
      else if (name === 'RDATE') event.rdates = [...(event.rdates ?? []), ...value.split(',').map(icalIso)];
      else if (line.trim()) context.problems.push({ where, message: `unknown line in the repeat rule: "${line.trim()}"` });
    }
  }
  const granularity = field.settings.granularity;
  const hasTime = !granularity || typeof granularity !== 'object' || Object.values(granularity).includes('hour');
  const allDay =
    event.dates.length > 0 &&
    event.dates.every((date) => {
      const start = wallClock(date.start, date.timezone).time;
      const end = date.end ? wallClock(date.end, date.timezone).time : '00:00:00';
      return start === '00:00:00' && ['00:00:00', '23:59:00', '23:59:59'].includes(end);
    });
  if (!hasTime || allDay) event.allDay = true;
  return event;
}

async function readPlace(context: NodeContext, row: NodeRow): Promise<DrupalPlace> {
  const nid = Number(row.nid);
  const place: DrupalPlace = { nid, title: row.title, language: row.language || 'und', status: Number(row.status) ? 1 : 0 };
  for (const field of context.store.fieldsOf('node', row.type)) {
    const [item] = await context.store.items(field.name, 'node', nid, place.language);
    if (!item) continue;
    if (field.type === 'addressfield') {
      const street = [item.thoroughfare, item.premise].filter((part) => typeof part === 'string' && part.trim()).join(', ');
      const set = (key: 'city' | 'region' | 'postalCode' | 'country', value: unknown) => {
        if (typeof value === 'string' && value.trim()) place[key] = value.trim();
      };
      if (street) place.street = street;
      set('city', item.locality);
      set('region', item.administrative_area);
      set('postalCode', item.postal_code);
      set('country', item.country);
    } else if (field.type === 'geofield') {
      const point = item.lat !== null && item.lat !== undefined ? { lat: Number(item.lat), lon: Number(item.lon) } : wkbPoint(item.geom);
      if (point && Number.isFinite(point.lat) && Number.isFinite(point.lon)) Object.assign(place, point);
    }
  }
  return place;
}

/** lat/lon of a little-endian or big-endian WKB point (geofield's `geom` column). */
function wkbPoint(geom: unknown): { lat: number; lon: number } | undefined {
  if (!(geom instanceof Uint8Array) || geom.length < 21) return undefined;
  const bytes = Buffer.from(geom);
  const little = bytes[0] === 1;
  const type = little ? bytes.readUInt32LE(1) : bytes.readUInt32BE(1);
  if (type !== 1) return undefined;
  const lon = little ? bytes.readDoubleLE(5) : bytes.readDoubleBE(5);
  const lat = little ? bytes.readDoubleLE(13) : bytes.readDoubleBE(13);
  return { lat, lon };
}
