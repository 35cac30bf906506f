import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, joinContentLines } from './content-lines.ts';

const octets = (text: string) => new TextEncoder().encode(text).length;

describe('escapeText', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds a longer one', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('keeps every folded line within 75 octets, counting the leading space, and never splits a character', () => {
    const line = `SUMMARY:${'é🎉ç'.repeat(40)}`;
    const folded = foldLine(line).split('\r\n');
    for (const piece of folded) expect(octets(piece)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((piece) => piece.startsWith(' '))).toBe(true);
    expect(folded.map((piece, index) => (index ? piece.slice(1) : piece)).join('')).toBe(line);
    expect(folded.join('')).not.toContain('\uFFFD');
  });

  it('ends each line of a document with CRLF', () => {
    expect(joinContentLines(['BEGIN:VCALENDAR', 'END:VCALENDAR'])).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });
});
