import { z } from 'zod';
import { documented, draftField, type ImageFactory, imagePath, imageWithAlt, slugField, withoutBlanks } from './fields.ts';
import { homeBlocksSchema } from './home-blocks.ts';

export const MENU_PLACEMENTS = ['none', 'header', 'footer'] as const;

/**
 * A page of the site: "About us", "Contact", "Our history". Pages nest through `parent`, so
 * `history` with `parent: about` is published at `/about/history/`. The page whose file is
 * `home.md` is the home page.
 */
export function pageSchema({ image = imagePath }: { image?: ImageFactory } = {}) {
  return withoutBlanks(
    z.strictObject({
      title: documented(z.string({ error: 'every page needs a title' }).trim().min(1), {
        title: 'Title',
        description: 'The heading of the page, also used in menus and search results.',
        examples: ['About us'],
      }),
      summary: documented(z.string().trim().optional(), {
        title: 'Summary',
        description: 'One or two sentences shown in search engines and when the page is shared.',
        examples: ['Who we are and what we do.'],
        cms: { widget: 'text' },
      }),
      parent: documented(slugField().optional(), {
        title: 'Parent page',
        description: 'Put this page inside another page (its section). Leave empty for a top-level page.',
        examples: ['about'],
        cms: { widget: 'relation', collection: 'pages' },
      }),
      menu: documented(
        z
          .strictObject({
            placement: documented(z.enum(MENU_PLACEMENTS).default('none'), {
              title: 'Show in menu',
              description: 'Which menu links to this page: the header, the footer, or none.',
              examples: ['header'],
            }),
            order: documented(z.number().int().default(0), {
              title: 'Menu order',
              description: 'Lower numbers come first in the menu.',
              examples: [10],
            }),
          })
          .default({ placement: 'none', order: 0 }),
        {
          title: 'Menu',
          description: 'Where this page appears in the site menus.',
          examples: [{ placement: 'header', order: 10 }],
        },
      ),
      hero: documented(imageWithAlt(image).optional(), {
        title: 'Banner image',
        description: 'A wide photo shown at the top of the page.',
        examples: [{ src: '../../assets/pages/team.jpg', alt: 'Our team at the spring fair' }],
      }),
      blocks: documented(homeBlocksSchema(image).optional(), {
        title: 'Home page blocks',
        description:
          'Only the home page uses these: the sections of the home page, in order (a banner, news, events, figures…). Leave empty for the standard home page.',
        examples: [[{ type: 'hero' }, { type: 'latest-news', count: 3 }]],
      }),
      draft: draftField(),
    }),
  );
}

export type PageData = z.infer<ReturnType<typeof pageSchema>>;
export type PageInput = z.input<ReturnType<typeof pageSchema>>;
