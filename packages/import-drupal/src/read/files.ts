import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DrupalFile, DrupalProblem } from '../model.ts';
import type { DrupalDatabase } from './connection.ts';
import type { FieldStore } from './fields.ts';

const REMOTE: Record<string, (id: string) => string> = {
  youtube: (id) => `https://www.youtube.com/watch?v=${id}`,
  vimeo: (id) => `https://vimeo.com/${id}`,
};

/** The public page of a remote media URI (`youtube://v/<id>`, `vimeo://v/<id>`). */
export function remoteUrl(uri: string): string | undefined {
  const match = /^(\w+):\/\/v\/([^/?#]+)/.exec(uri);
  return match ? REMOTE[match[1]!]?.(match[2]!) : undefined;
}

/**
 * Every managed file, with the file entity's own fields (alt and title text, description, tags)
 * and, for `public://` files, its path inside `filesDir` when it is there.
 */
export async function readFiles(
  db: DrupalDatabase,
  store: FieldStore,
  filesDir: string | undefined,
  problems: DrupalProblem[],
): Promise<Map<number, DrupalFile>> {
  const columns = await db.columns('file_managed');
  const rows = await db.rows<{ fid: number; uri: string; filename: string; filemime: string; type?: string; timestamp: number; status: number }>(
    `SELECT fid, uri, filename, filemime, timestamp, status${columns.includes('type') ? ', type' : ''} FROM {file_managed} ORDER BY fid`,
  );
  const files = new Map<number, DrupalFile>();
  for (const row of rows) {
    const fid = Number(row.fid);
    const type = row.type && row.type !== 'undefined' ? row.type : guessType(row.filemime);
    const file: DrupalFile = { fid, uri: row.uri, filename: row.filename, mime: row.filemime, type, timestamp: Number(row.timestamp) };
    const remote = remoteUrl(row.uri);
    if (remote) file.remoteUrl = remote;
    for (const field of store.fieldsOf('file', type)) {
      const [item] = await store.items(field.name, 'file', fid);
      if (!item) continue;
      if (field.name === 'field_file_image_alt_text' && item.value) file.alt = String(item.value);
      else if (field.name === 'field_file_image_title_text' && item.value) file.title = String(item.value);
      else if ((field.name === 'media_description' || field.name === 'field_description') && item.value) file.description = String(item.value);
      else if (field.type === 'taxonomy_term_reference') {
        const items = await store.items(field.name, 'file', fid);
        file.tags = [...(file.tags ?? []), ...items.map((i) => Number(i.tid))];
      }
    }
    if (filesDir && row.uri.startsWith('public://')) {
      const path = resolve(join(filesDir, row.uri.slice('public://'.length)));
      if (existsSync(path)) file.path = path;
      else problems.push({ where: `file/${fid}`, message: `${row.uri} is not in the files folder (${filesDir})` });
    }
    files.set(fid, file);
  }
  return files;
}

function guessType(mime: string): string {
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('application/') || mime.startsWith('text/')) return 'document';
  return 'default';
}

/** `public://logo.png` or `sites/default/files/logo.png` → the managed file, or a file made up for it. */
export function findLogo(path: string | undefined, files: Map<number, DrupalFile>, filesDir: string | undefined, publicPath: string): DrupalFile | undefined {
  if (!path) return undefined;
  const publicPrefix = `${publicPath.replace(/\/+$/, '')}/`;
  const uri = path.startsWith(publicPrefix) ? `public://${path.slice(publicPrefix.length)}` : path;
  for (const file of files.values()) if (file.uri === uri) return file;
  const filename = uri.split('/').pop() ?? uri;
  const file: DrupalFile = { fid: 0, uri, filename, mime: filename.endsWith('.svg') ? 'image/svg+xml' : `image/${filename.split('.').pop()}`, type: 'image' };
  if (filesDir && uri.startsWith('public://')) {
    const candidate = resolve(join(filesDir, uri.slice('public://'.length)));
    if (existsSync(candidate)) file.path = candidate;
  }
  return file;
}
