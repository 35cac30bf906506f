import { z } from 'zod';
import { documented, hrefField, imageWithAlt, slugField, type ImageFactory } from './fields.ts';

/** The kinds of block the home page can be made of, in the order the CMS offers them. */
export const HOME_BLOCK_TYPES = [
  'hero',
  'call-to-action',
  'latest-news',
  'upcoming-events',
  'featured-projects',
  'figures',
  'text-with-image',
  'donate',
] as const;
export type HomeBlockType = (typeof HOME_BLOCK_TYPES)[number];

const heading = (description: string, example: string) => documented(z.string().trim().optional(), { title: 'Heading', description, examples: [example] });

const count = (what: string) =>
  documented(z.number().int().min(1, { error: 'show at least 1' }).max(12, { error: 'show at most 12' }).default(3), {
    title: 'How many',
    description: `How many ${what} to show, from 1 to 12.`,
    examples: [3],
  });

const buttonLabel = documented(z.string({ error: 'give the words of the button' }).trim().min(1, { error: 'give the words of the button' }), {
  title: 'Button text',
  description: 'The words on the button, e.g. "Become a member".',
  examples: ['Become a member'],
});

const buttonLink = documented(hrefField(), {
  title: 'Button link',
  description: 'Where the button leads: a page of this site starting with / (e.g. /get-involved/), or a full https:// address.',
  examples: ['/get-involved/'],
});

/** One block of each kind; `type` tells them apart, and the CMS offers them by their titles. */
function blockSchemas(image: ImageFactory) {
  return [
    documented(
      z.strictObject({
        type: z.literal('hero'),
        title: documented(z.string().trim().optional(), {
          title: 'Title',
          description: 'The big heading at the top. Leave empty to use the page title.',
          examples: ['Welcome to Maple Street'],
        }),
        text: documented(z.string().trim().optional(), {
          title: 'Text',
          description: 'A sentence or two under the heading. Leave empty to use the page summary.',
          examples: ['Neighbours working together for a greener, safer street.'],
          cms: { widget: 'text' },
        }),
        image: documented(imageWithAlt(image).optional(), {
          title: 'Banner image',
          description: 'A wide photo behind the heading. Leave empty to use the page’s banner image.',
          examples: [{ src: '../../assets/pages/street.jpg', alt: 'Neighbours on Maple Street' }],
        }),
        action: documented(z.strictObject({ label: buttonLabel, href: buttonLink }).optional(), {
          title: 'Button',
          description: 'An optional button under the text.',
          examples: [{ label: 'Get involved', href: '/get-involved/' }],
        }),
      }),
      {
        title: 'Hero (big banner)',
        description: 'The big banner with the page’s main heading. Use it once, as the first block.',
      },
    ),
    documented(
      z.strictObject({
        type: z.literal('call-to-action'),
        heading: documented(z.string({ error: 'give the call to action a heading' }).trim().min(1, { error: 'give the call to action a heading' }), {
          title: 'Heading',
          description: 'What you ask visitors to do, in a few words.',
          examples: ['Join the association'],
        }),
        text: documented(z.string().trim().optional(), {
          title: 'Text',
          description: 'A sentence or two saying why.',
          examples: ['Membership is free for everyone who lives or works on Maple Street.'],
          cms: { widget: 'text' },
        }),
        label: buttonLabel,
        href: buttonLink,
      }),
      {
        title: 'Call to action',
        description: 'A heading, a short text and a button that asks visitors to do one thing.',
      },
    ),
    documented(
      z.strictObject({
        type: z.literal('latest-news'),
        heading: heading('Leave empty for "Latest news".', 'From the street'),
        count: count('news posts'),
      }),
      {
        title: 'Latest news',
        description: 'The newest news posts, with a link to all news.',
      },
    ),
    documented(
      z.strictObject({
        type: z.literal('upcoming-events'),
        heading: heading('Leave empty for "Upcoming events".', 'Come along'),
        count: count('events'),
      }),
      {
        title: 'Upcoming events',
        description: 'The next events, soonest first, with a link to all events. Hidden when none are coming up.',
      },
    ),
    documented(
      z.strictObject({
        type: z.literal('featured-projects'),
        heading: heading('Leave empty for "Our projects".', 'What we are working on'),
        projects: documented(z.array(slugField()).min(1, { error: 'pick at least one project' }), {
          title: 'Projects',
          description: 'The projects to show, in this order.',
          examples: [['safer-crossing', 'tool-library']],
          cms: { widget: 'relation', collection: 'projects' },
        }),
      }),
      {
        title: 'Featured projects',
        description: 'Cards of the projects you pick, with a link to all projects.',
      },
    ),
    documented(
      z.strictObject({
        type: z.literal('figures'),
        heading: heading('A heading above the figures, e.g. "Our year in numbers".', 'Our year in numbers'),
        items: documented(
          z
            .array(
              z.strictObject({
                value: documented(z.string({ error: 'give the number' }).trim().min(1, { error: 'give the number' }), {
                  title: 'Number',
                  description: 'The figure itself, short, e.g. "400+" or "12 t".',
                  examples: ['400+'],
                }),
                label: documented(z.string({ error: 'say what the number counts' }).trim().min(1, { error: 'say what the number counts' }), {
                  title: 'What it counts',
                  description: 'A few words under the number, e.g. "neighbours at the festival".',
                  examples: ['neighbours at the festival'],
                }),
              }),
            )
            .min(1, { error: 'give at least one figure' })
            .max(6, { error: 'give at most 6 figures' }),
          {
            title: 'Figures',
            description: 'One to six numbers, each with what it counts.',
            examples: [[{ value: '400+', label: 'neighbours at the festival' }]],
          },
        ),
      }),
      {
        title: 'Figures',
        description: 'A few big numbers that show what your group does.',
      },
    ),
    documented(
      z.strictObject({
        type: z.literal('text-with-image'),
        heading: heading('A heading above the text.', 'The tool library'),
        text: documented(z.string({ error: 'write the text of the block' }).trim().min(1, { error: 'write the text of the block' }), {
          title: 'Text',
          description: 'Paragraphs, lists and links (Markdown).',
          examples: ['Borrow a ladder, a drill or a wheelbarrow for free.'],
        }),
        image: documented(imageWithAlt(image), {
          title: 'Image',
          description: 'A photo shown beside the text.',
          examples: [{ src: '../../assets/pages/tools.jpg', alt: 'A wall of tools to borrow' }],
        }),
        imageSide: documented(z.enum(['left', 'right'], { error: 'choose left or right' }).default('right'), {
          title: 'Image side',
          description: 'Whether the photo is on the left or the right of the text on wide screens.',
          examples: ['right'],
        }),
      }),
      {
        title: 'Text with image',
        description: 'A short text with a photo beside it.',
      },
    ),
    documented(
      z.strictObject({
        type: z.literal('donate'),
        heading: heading('Leave empty for "Support our work".', 'Support the street'),
        text: documented(z.string().trim().optional(), {
          title: 'Text',
          description: 'A sentence or two on what gifts pay for.',
          examples: ['Your gift pays for gloves, bags and flowers.'],
          cms: { widget: 'text' },
        }),
        label: documented(z.string().trim().optional(), {
          title: 'Button text',
          description: 'Leave empty for "Donate".',
          examples: ['Give now'],
        }),
      }),
      {
        title: 'Donate',
        description: 'An invitation to give, with a button to the donate page and the campaign goal if you have one. Needs the giving settings.',
      },
    ),
  ] as const;
}

/**
 * The blocks of the home page, in the order they are shown. Only the home page uses them; one
 * hero at most, and it comes first, so the page has one main heading.
 */
export function homeBlocksSchema(image: ImageFactory) {
  const names = HOME_BLOCK_TYPES.join(', ');
  return z
    .array(
      z.discriminatedUnion('type', blockSchemas(image), {
        error: (issue) => (issue.code === 'invalid_union' ? `choose a kind of block: ${names}` : undefined),
      }),
    )
    .superRefine((blocks, ctx) => {
      blocks.forEach((block, index) => {
        if (block.type === 'hero' && index > 0) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'type'],
            message: 'the hero block must be the first block, and there can be only one',
            params: { fix: 'move the hero block to the top of the list, or remove the extra one.' },
          });
        }
      });
    });
}

export type HomeBlocksSchema = ReturnType<typeof homeBlocksSchema>;
