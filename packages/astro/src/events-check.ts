import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_TYPES, type Problem } from '@openoutreach/core';

/** Event file names whose page address the kit's own event pages use. */
export const RESERVED_EVENT_NAMES = ['past'];

/**
 * Event files that could not be published because their address is taken: `past.md` would be at
 * /events/past/, the list of past events. Checked with the content, before Astro loads anything.
 */
export function reservedEventNameProblems(root: string, locales: readonly string[] = []): Problem[] {
  // A multilingual site keeps each language's events in a folder of its own.
  const folders = (locales.length > 1 ? locales : ['']).map((locale) => join(`src/content/${CONTENT_TYPES.events.folder}`, locale));
  const taken = folders.flatMap((folder) => RESERVED_EVENT_NAMES.filter((name) => existsSync(join(root, folder, `${name}.md`))).map((name) => ({ folder, name })));
  return taken.map(({ folder, name }) => ({
    file: `${folder}/${name}.md`,
    field: '',
    message: `the file name "${name}.md" cannot be used for an event: /events/${name}/ is the list of ${name} events`,
    fix: `rename the file after the event, e.g. "${name}-meeting.md".`,
  }));
}
