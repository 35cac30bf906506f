import type { DrupalDatabase } from './connection.ts';
import { phpUnserialize, type PhpValue } from './php-unserialize.ts';

/** A field as field_config describes it. */
export interface FieldInfo {
  name: string;
  type: string;
  cardinality: number;
  settings: Record<string, PhpValue>;
}

/** Field rows of one entity: column values without the `<field>_` prefix, in delta order. */
export type FieldItems = Record<string, unknown>[];

export class FieldStore {
  readonly #cache = new Map<string, Map<number, Map<string, FieldItems>>>();
  readonly #db: DrupalDatabase;
  readonly fields: Map<string, FieldInfo>;
  /** `entity_type:bundle` → field names. */
  readonly #instances: Map<string, string[]>;

  private constructor(db: DrupalDatabase, fields: Map<string, FieldInfo>, instances: Map<string, string[]>) {
    this.#db = db;
    this.fields = fields;
    this.#instances = instances;
  }

  static async read(db: DrupalDatabase): Promise<FieldStore> {
    const fields = new Map<string, FieldInfo>();
    const tables = new Set(await db.tables());
    for (const row of await db.rows<{ field_name: string; type: string; cardinality: number; data: Buffer; storage_type: string }>(
      'SELECT field_name, type, cardinality, data, storage_type FROM {field_config} WHERE deleted = 0 AND active = 1',
    )) {
      // Only field_sql_storage fields have tables to read.
      if (!tables.has(`${db.prefix}field_data_${row.field_name}`)) continue;
      const data = safeUnserialize(row.data);
      const settings = (typeof data === 'object' && data && !Array.isArray(data) && typeof data.settings === 'object' ? data.settings : {}) as Record<
        string,
        PhpValue
      >;
      fields.set(row.field_name, { name: row.field_name, type: row.type, cardinality: Number(row.cardinality), settings: settings ?? {} });
    }
    const instances = new Map<string, string[]>();
    for (const row of await db.rows<{ field_name: string; entity_type: string; bundle: string }>(
      'SELECT field_name, entity_type, bundle FROM {field_config_instance} WHERE deleted = 0 ORDER BY id',
    )) {
      if (!fields.has(row.field_name)) continue;
      const key = `${row.entity_type}:${row.bundle}`;
      instances.set(key, [...(instances.get(key) ?? []), row.field_name]);
    }
    return new FieldStore(db, fields, instances);
  }

  /** Field names attached to a bundle. */
  fieldsOf(entityType: string, bundle: string): FieldInfo[] {
    return (this.#instances.get(`${entityType}:${bundle}`) ?? []).map((name) => this.fields.get(name)!);
  }

  /**
   * The items of `field` on one entity, in the entity's language when the field has any there,
   * else language-neutral (`und`), else whatever language it has.
   */
  async items(field: string, entityType: string, entityId: number, language = 'und'): Promise<FieldItems> {
    const byEntity = await this.load(field, entityType);
    const byLanguage = byEntity.get(entityId);
    if (!byLanguage) return [];
    return byLanguage.get(language) ?? byLanguage.get('und') ?? byLanguage.values().next().value ?? [];
  }

  /** The languages `field` has values in on one entity (more than one: the site used entity translation). */
  async languages(field: string, entityType: string, entityId: number): Promise<string[]> {
    return [...((await this.load(field, entityType)).get(entityId)?.keys() ?? [])];
  }

  private async load(field: string, entityType: string): Promise<Map<number, Map<string, FieldItems>>> {
    const key = `${entityType}:${field}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const byEntity = new Map<number, Map<string, FieldItems>>();
    const prefix = `${field}_`;
    const rows = await this.#db.rows<Record<string, unknown>>(
      `SELECT * FROM {field_data_${field}} WHERE entity_type = ? AND deleted = 0 ORDER BY entity_id, language, delta`,
      [entityType],
    );
    for (const row of rows) {
      const id = Number(row.entity_id);
      const language = String(row.language);
      const item: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(row)) if (column.startsWith(prefix)) item[column.slice(prefix.length)] = value;
      let byLanguage = byEntity.get(id);
      if (!byLanguage) byEntity.set(id, (byLanguage = new Map()));
      byLanguage.set(language, [...(byLanguage.get(language) ?? []), item]);
    }
    this.#cache.set(key, byEntity);
    return byEntity;
  }
}

export function safeUnserialize(value: unknown): PhpValue | undefined {
  if (value === null || value === undefined) return undefined;
  try {
    return phpUnserialize(value instanceof Uint8Array ? value : String(value));
  } catch {
    return undefined;
  }
}

/** A text value as the model carries it: `text` fields as strings, others as `{ value, format }`. */
export function simpleValue(type: string, item: Record<string, unknown>): unknown {
  switch (type) {
    case 'text':
      return item.value ?? '';
    case 'text_long':
    case 'text_with_summary':
      return { value: item.value ?? '', ...(item.summary ? { summary: item.summary } : {}), ...(item.format ? { format: item.format } : {}) };
    case 'taxonomy_term_reference':
      return Number(item.tid);
    case 'entityreference':
      return Number(item.target_id);
    case 'node_reference':
      return Number(item.nid);
    case 'image':
    case 'file':
      return Number(item.fid);
    case 'link_field':
      return { url: item.url ?? '', ...(item.title ? { title: item.title } : {}) };
    case 'number_integer':
    case 'number_decimal':
    case 'number_float':
      return Number(item.value);
    case 'geofield':
      return { lat: item.lat === null ? undefined : Number(item.lat), lon: item.lon === null ? undefined : Number(item.lon) };
    default: {
      const { ...rest } = item;
      for (const [key, value] of Object.entries(rest)) if (value instanceof Uint8Array) delete rest[key];
      return 'value' in rest && Object.keys(rest).length === 1 ? rest.value : rest;
    }
  }
}
