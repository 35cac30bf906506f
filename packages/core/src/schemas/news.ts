import { z } from 'zod';
import { dateField, documented, draftField, type ImageFactory, imagePath, imageWithAlt, projectField, slugField, withoutBlanks } from './fields.ts';

/** A news post: an announcement, a report, a story. Posts are listed newest first. */
export function newsSchema({ image = imagePath }: { image?: ImageFactory } = {}) {
  return withoutBlanks(
    z.strictObject({
      title: documented(z.string({ error: 'every news post needs a title' }).trim().min(1), {
        title: 'Title',
        description: 'The headline of the post.',
        examples: ['Our spring fair raised €2,000'],
      }),
      date: documented(dateField(), {
        title: 'Publication date',
        description:
          'The day the post is published, as YYYY-MM-DD. A later day schedules the post: it appears with the first rebuild on or after that day (the daily scheduled rebuild, just after midnight in the site’s time zone).',
        examples: ['2026-05-01'],
      }),
      summary: documented(z.string().trim().optional(), {
        title: 'Summary',
        description: 'One or two sentences shown in the news list, feeds and when shared.',
        examples: ['Thank you to everyone who came!'],
        cms: { widget: 'text' },
      }),
      cover: documented(imageWithAlt(image).optional(), {
        title: 'Cover image',
        description: 'A photo shown with the post and in the news list.',
        examples: [{ src: '../../assets/news/fair.jpg', alt: 'Stalls at the spring fair' }],
      }),
      tags: documented(z.array(z.string().trim().min(1)).default([]), {
        title: 'Tags',
        description: 'Topics that group related posts, e.g. "volunteering".',
        examples: [['events', 'volunteering']],
      }),
      author: documented(z.string().trim().optional(), {
        title: 'Author',
        description: 'Who wrote the post.',
        examples: ['Sam Rivera'],
      }),
      person: documented(slugField().optional(), {
        title: 'Author (from People)',
        description: 'The person who wrote the post, picked from your People; the post then links to their page.',
        examples: ['sam-rivera'],
        cms: { widget: 'relation', collection: 'people', displayField: 'name' },
      }),
      project: projectField('The project or campaign the post is about; the project’s page then lists it.'),
      draft: draftField(),
    }),
  );
}

export type NewsData = z.infer<ReturnType<typeof newsSchema>>;
export type NewsInput = z.input<ReturnType<typeof newsSchema>>;
