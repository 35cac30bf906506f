import { z } from 'zod';
import { addressField, documented, draftField, type ImageFactory, imagePath, imageWithAlt, WEB_KINDS, withoutBlanks } from './fields.ts';

/**
 * The groups a site's people page knows by name, in the order it lists them; their headings are
 * translated. Any other group an editor writes ("Youth council") is listed after them, as written.
 */
export const PERSON_GROUPS = ['board', 'staff', 'volunteers'] as const;

const link = z.strictObject({
  label: documented(z.string({ error: 'give the link a name, e.g. "Website"' }).trim().min(1, { error: 'give the link a name, e.g. "Website"' }), {
    title: 'Link text',
    description: 'What the link is called, e.g. "Website" or "Mastodon".',
    examples: ['Website'],
  }),
  url: documented(addressField(WEB_KINDS, 'give the full address, starting with https://'), {
    title: 'Address',
    description: 'The full web address, starting with https://.',
    examples: ['https://social.example/@sam'],
  }),
});

/**
 * A person of the group: a board member, staff, a volunteer. The people page lists them by
 * group; each has a page of their own, and news posts can name one as their author (`person`).
 */
export function personSchema({ image = imagePath }: { image?: ImageFactory } = {}) {
  return withoutBlanks(
    z.strictObject({
      name: documented(z.string({ error: 'every person needs a name' }).trim().min(1, { error: 'every person needs a name' }), {
        title: 'Name',
        description: 'The name as it should appear on the site.',
        examples: ['Sam Rivera'],
      }),
      role: documented(z.string().trim().optional(), {
        title: 'Role',
        description: 'What they do for the group, e.g. "Treasurer" or "Volunteer coordinator".',
        examples: ['Treasurer'],
      }),
      groups: documented(z.array(z.string().trim().min(1)).default([]), {
        title: 'Groups',
        description: 'Where the people page lists them: "board", "staff", "volunteers", or a group of your own, e.g. "Youth council".',
        examples: [['board']],
      }),
      photo: documented(imageWithAlt(image).optional(), {
        title: 'Photo',
        description: 'A portrait, shown on the people page and their own page.',
        examples: [{ src: '../../assets/people/sam.jpg', alt: 'Sam Rivera smiling in front of the library' }],
      }),
      email: documented(z.email({ error: 'write a full email address, e.g. sam@example.org' }).optional(), {
        title: 'Email',
        description: 'Only if they want to be contacted directly; it is shown on their page.',
        examples: ['sam@example.org'],
      }),
      links: documented(z.array(link).default([]), {
        title: 'Links',
        description: 'Their website or social media profiles.',
        examples: [[{ label: 'Website', url: 'https://sam.example' }]],
      }),
      order: documented(z.number().int().default(0), {
        title: 'Order',
        description: 'Lower numbers come first within a group; people with the same number are listed by name.',
        examples: [10],
      }),
      draft: draftField(),
    }),
  );
}

export type PersonData = z.infer<ReturnType<typeof personSchema>>;
export type PersonInput = z.input<ReturnType<typeof personSchema>>;
