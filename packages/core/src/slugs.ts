/** Latin letters that do not decompose into a base letter and an accent, written as ASCII. */
const LETTERS: Record<string, string> = {
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};
const SPECIAL_LETTER = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

/** A short hash of `text` (32-bit FNV-1a in base 36): the same text always gives the same hash. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * Turns a title into a URL slug: "Spring Fair 2026!" → "spring-fair-2026", "Œuvres sociales" →
 * "oeuvres-sociales". Text with no Latin letter or digit, e.g. "日本語", gets "x-" followed by a
 * short hash of the text, so that it still has a stable, non-empty slug of its own; only empty
 * text gives an empty slug.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(SPECIAL_LETTER, (letter) => LETTERS[letter]!)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const trimmed = text.normalize('NFC').trim();
  return slug || !trimmed ? slug : `x-${shortHash(trimmed)}`;
}
