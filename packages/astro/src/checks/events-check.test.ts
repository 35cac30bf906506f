import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reservedEventNameProblems } from './events-check.ts';
import { readContent } from './read-content.ts';

describe('reservedEventNameProblems', () => {
  it('refuses an event file whose page would be hidden by the list of past events', () => {
    const root = mkdtempSync(join(tmpdir(), 'oo-events-'));
    expect(reservedEventNameProblems(readContent(root, ['events']))).toEqual([]);
    mkdirSync(join(root, 'src/content/events'), { recursive: true });
    writeFileSync(join(root, 'src/content/events/pasta-night.md'), '');
    expect(reservedEventNameProblems(readContent(root, ['events']))).toEqual([]);
    writeFileSync(join(root, 'src/content/events/past.md'), '');
    expect(reservedEventNameProblems(readContent(root, ['events']))).toEqual([
      expect.objectContaining({ file: 'src/content/events/past.md', fix: expect.stringContaining('rename the file') }),
    ]);
  });
});
