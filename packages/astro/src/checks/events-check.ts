import { CONTENT_TYPES, type Problem } from '@openoutreach/core';
import type { SiteContent } from './read-content.ts';

/** Event file names whose page address the kit's own event pages use. */
export const RESERVED_EVENT_NAMES = ['past'];

/**
 * Event files that could not be published because their address is taken: `past.md` would be at
 * /events/past/, the list of past events. Checked with the content, before Astro loads anything.
 */
export function reservedEventNameProblems(content: SiteContent): Problem[] {
  const { locales } = content;
  const files = new Set(content.files.filter((entry) => entry.collection === 'events').map((entry) => entry.file));
  // A multilingual site keeps each language's events in a folder of its own.
  const folders = (locales.length > 1 ? locales : ['']).map((locale) => [`src/content/${CONTENT_TYPES.events.folder}`, locale].filter(Boolean).join('/'));
  const taken = folders.flatMap((folder) => RESERVED_EVENT_NAMES.filter((name) => files.has(`${folder}/${name}.md`)).map((name) => ({ folder, name })));
  return taken.map(({ folder, name }) => ({
    file: `${folder}/${name}.md`,
    field: '',
    message: `the file name "${name}.md" cannot be used for an event: /events/${name}/ is the list of ${name} events`,
    fix: `rename the file after the event, e.g. "${name}-meeting.md".`,
  }));
}
