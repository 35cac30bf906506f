import { z } from 'zod';
import { FleetError } from './fleet-error.ts';
import type { Shot } from './types.ts';
import { readYaml, schemaProblems } from './yaml-file.ts';

const pattern = (title: string, example: string) =>
  z
    .string()
    .min(1)
    .optional()
    .meta({ title, description: 'Leave it out for any; `*` stands for any characters.', examples: [example] });

const ruleSchema = z
  .strictObject({
    site: pattern('the site', 'riverside-*'),
    pageType: pattern('the page type', 'event'),
    width: pattern('the width (phone or desktop)', 'phone'),
    scheme: pattern('the colour scheme (light or dark)', 'dark'),
    reason: z
      .string()
      .optional()
      .meta({ title: 'why the change is wanted', description: 'For the people reading the file later.', examples: ['the event card’s new spacing'] }),
  })
  .refine((rule) => rule.site ?? rule.pageType ?? rule.width ?? rule.scheme, {
    error: 'accepts nothing: it names no site, pageType, width or scheme',
    params: { fix: 'add at least one of them, e.g. `pageType: event`; write `site: "*"` to accept every change.' },
  });

/**
 * The accept file (YAML): the visual changes the co-op means to ship, as a list of rules. A shot
 * is accepted when every field a rule gives matches it (a missing field matches anything).
 */
export const acceptFileSchema = z.array(ruleSchema).meta({
  title: 'the accepted changes',
  description: 'A list of rules, each with any of site, pageType, width and scheme.',
  examples: [[{ pageType: 'event', reason: 'the event card’s new spacing' }]],
});

export type AcceptRule = z.infer<typeof ruleSchema>;

const EXAMPLE = 'Write it like `- { pageType: event, reason: the new event card }` (a YAML list).';

/** Reads and checks an accept file. Throws a FleetError naming the file, the field and the fix. */
export function readAcceptFile(file: string): AcceptRule[] {
  const input = readYaml(file, 'accept file', EXAMPLE) ?? [];
  const result = acceptFileSchema.safeParse(input);
  if (!result.success) throw new FleetError(schemaProblems(result.error, acceptFileSchema, file, input, 'accept file', EXAMPLE));
  return result.data;
}

/** `*` is any run of characters, everything else is itself; the whole value must match. */
function globMatches(glob: string, value: string): boolean {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i').test(value);
}

/** Whether a rule of the accept file covers this site's shot. */
export function isAccepted(rules: AcceptRule[], site: string, shot: Pick<Shot, 'pageType' | 'width' | 'scheme'>): boolean {
  return rules.some(
    (rule) =>
      (rule.site === undefined || globMatches(rule.site, site)) &&
      (rule.pageType === undefined || globMatches(rule.pageType, shot.pageType)) &&
      (rule.width === undefined || globMatches(rule.width, shot.width)) &&
      (rule.scheme === undefined || globMatches(rule.scheme, shot.scheme)),
  );
}
