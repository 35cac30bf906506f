import { z } from 'zod';
import { dateField, documented, draftField, type ImageFactory, imagePath, imageWithAlt, withoutBlanks } from './fields.ts';

/** Where a project stands, in the order the projects page lists them. */
export const PROJECT_STATUSES = ['active', 'planned', 'completed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/**
 * A project, programme or campaign. Its page lists the news posts and events that name it in
 * their `project` field.
 */
export function projectSchema({ image = imagePath }: { image?: ImageFactory } = {}) {
  return withoutBlanks(
    z
      .strictObject({
        title: documented(z.string({ error: 'every project needs a title' }).trim().min(1, { error: 'every project needs a title' }), {
          title: 'Title',
          description: 'The name of the project or campaign.',
          examples: ['Safe streets for kids'],
        }),
        summary: documented(z.string().trim().optional(), {
          title: 'Summary',
          description: 'One or two sentences shown in the list of projects and when the page is shared.',
          examples: ['Safer crossings on the way to every school in the neighbourhood.'],
          cms: { widget: 'text' },
        }),
        status: documented(z.enum(PROJECT_STATUSES, { error: `choose one of: ${PROJECT_STATUSES.join(', ')}` }).default('active'), {
          title: 'Status',
          description: 'Active (under way), planned (not started yet) or completed.',
          examples: ['active'],
        }),
        goal: documented(z.string().trim().optional(), {
          title: 'Goal',
          description: 'What the project wants to achieve, in a sentence or two.',
          examples: ['A pedestrian crossing at every school by 2027.'],
          cms: { widget: 'text' },
        }),
        image: documented(imageWithAlt(image).optional(), {
          title: 'Image',
          description: 'A photo shown in the list of projects and on the project page.',
          examples: [{ src: '../../assets/projects/crossing.jpg', alt: 'Children crossing the street with a crossing guard' }],
        }),
        start: documented(dateField().optional(), {
          title: 'Start date',
          description: 'When the project began or begins, as YYYY-MM-DD.',
          examples: ['2026-03-01'],
        }),
        end: documented(dateField().optional(), {
          title: 'End date',
          description: 'When it ended or is planned to end, as YYYY-MM-DD.',
          examples: ['2026-12-31'],
        }),
        draft: draftField(),
      })
      .refine((project) => !project.start || !project.end || project.end >= project.start, {
        path: ['end'],
        error: 'the project ends before it starts',
        params: { fix: 'give an end date after the start date, or remove "end".' },
      }),
  );
}

export type ProjectData = z.infer<ReturnType<typeof projectSchema>>;
export type ProjectInput = z.input<ReturnType<typeof projectSchema>>;
