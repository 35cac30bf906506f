import { stringify } from 'yaml';

/** Drops `undefined`, empty strings and empty lists, so the files hold only what was given. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .map(([key, item]) => [key, compact(item)] as const)
      .filter(([, item]) => item !== undefined && item !== '' && !(Array.isArray(item) && !item.length)),
  );
}

/** A content file: YAML front matter (the kit reads it with the YAML 1.2 core schema) and a Markdown body. */
export function markdownFile(data: Record<string, unknown>, body = ''): string {
  const yaml = stringify(compact(data), { lineWidth: 0, version: '1.2' });
  return `---\n${yaml}---\n${body.trim() ? `\n${body.trim()}\n` : ''}`;
}
