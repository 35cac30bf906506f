/**
 * The text layer of iCalendar (RFC 5545 §3.1 and §3.3.11): escaped values, content lines folded
 * at 75 octets, CRLF line ends.
 */

const encoder = new TextEncoder();
const MAX_OCTETS = 75;

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line so that no line is longer than 75 octets of UTF-8: each continuation line
 * starts with one space, and a multi-octet character is never split.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_OCTETS) return line;
  const pieces: string[] = [];
  let current = '';
  let size = 0;
  // The first line holds 75 octets; each continuation 74, after its leading space.
  let room = MAX_OCTETS;
  for (const character of line) {
    const octets = encoder.encode(character).length;
    if (size + octets > room) {
      pieces.push(current);
      current = '';
      size = 0;
      room = MAX_OCTETS - 1;
    }
    current += character;
    size += octets;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

/** Joins content lines into an iCalendar document: each folded, each ending in CRLF. */
export function joinContentLines(lines: string[]): string {
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
