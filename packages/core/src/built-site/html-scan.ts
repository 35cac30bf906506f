/**
 * Just enough HTML reading for the checks: start tags with their attributes. The kit's output is
 * well-formed (the Nu checker sees to that), so a tokenizer of start tags is enough; comments and
 * the text of `<script>` and `<style>` are skipped so that nothing in them counts as a tag.
 */

export interface StartTag {
  /** Lower-case tag name. */
  name: string;
  /** Lower-case attribute names to decoded values (`''` for a bare attribute). */
  attributes: Map<string, string>;
}

const RAW_TEXT = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const START_TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references that occur in attribute values. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (reference, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : reference;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? reference;
  });
}

/** Every start tag of `html`, in document order; a `<script>` or `<style>` tag is kept, its text is not. */
export function startTags(html: string): StartTag[] {
  const markup = html.replace(RAW_TEXT, (match, rawTag: string | undefined) => (rawTag ? match.slice(0, match.indexOf('>') + 1) : ''));
  const tags: StartTag[] = [];
  for (const [, name, attributeText] of markup.matchAll(START_TAG)) {
    const attributes = new Map<string, string>();
    for (const [, attribute, doubleQuoted, singleQuoted, unquoted] of (attributeText ?? '').matchAll(ATTRIBUTE)) {
      const key = attribute!.toLowerCase();
      if (!attributes.has(key)) attributes.set(key, decodeEntities(doubleQuoted ?? singleQuoted ?? unquoted ?? ''));
    }
    tags.push({ name: name!.toLowerCase(), attributes });
  }
  return tags;
}

/** The ids a `#fragment` can point at: every `id`, and the `name` of each `<a>`. */
export function fragmentTargets(tags: StartTag[]): Set<string> {
  const targets = new Set<string>();
  for (const tag of tags) {
    const id = tag.attributes.get('id');
    if (id) targets.add(id);
    const name = tag.name === 'a' ? tag.attributes.get('name') : undefined;
    if (name) targets.add(name);
  }
  return targets;
}
