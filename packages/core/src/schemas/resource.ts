import { z } from 'zod';
import { filePathProblem } from '../file-paths.ts';
import { addressProblem, dateField, documented, draftField, WEB_KINDS, withoutBlanks } from './fields.ts';

/** The kinds of resource, in the order the filters list them; each has a translated label (`resources.type.<type>`). */
export const RESOURCE_TYPES = ['document', 'guide', 'toolkit', 'report', 'form', 'video', 'audio', 'link'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Files a resource may be: documents, spreadsheets, slides, audio, video and archives, never a page or a script. */
export const RESOURCE_FILE_EXTENSIONS = [
  'pdf',
  'doc',
  'docx',
  'odt',
  'rtf',
  'txt',
  'csv',
  'xls',
  'xlsx',
  'ods',
  'ppt',
  'pptx',
  'odp',
  'epub',
  'zip',
  'mp3',
  'ogg',
  'mp4',
  'webm',
  'png',
  'jpg',
  'jpeg',
] as const;

/**
 * Whether a resource's `link` is a web address rather than a file of the site: it starts with a
 * scheme (`https:`, but not a drive letter such as `C:`), `//` or `www.`.
 */
export const isWebAddress = (link: string) => /^[a-z][a-z0-9+.-]+:/i.test(link) || /^[/\\]{2}/.test(link) || link.startsWith('www.');

const FILE_EXAMPLE = '../../assets/resources/handbook.pdf';

const linkField = () =>
  z
    .string({ error: 'give the file or the web address of the resource' })
    .trim()
    .min(1, { error: 'give the file or the web address of the resource' })
    .superRefine((link, ctx) => {
      if (isWebAddress(link)) {
        const problem = addressProblem(link, WEB_KINDS);
        if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { fix: problem.fix } });
        return;
      }
      const problem = filePathProblem(link, FILE_EXAMPLE);
      if (problem) {
        ctx.addIssue({
          code: 'custom',
          message: problem.message,
          params: {
            fix: problem.fix.replace(
              /, or upload the file again in the CMS\.$/,
              ', upload the file again in the CMS, or give a web address starting with https://.',
            ),
          },
        });
        return;
      }
      const extension = link.split('.').pop()?.toLowerCase() ?? '';
      if (!(RESOURCE_FILE_EXTENSIONS as readonly string[]).includes(extension)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${link}" is neither a web address nor a document file`,
          params: {
            fix: `upload the file again in the CMS, or give its path relative to this file, e.g. \`link: ${FILE_EXAMPLE}\` (a file ending in ${RESOURCE_FILE_EXTENSIONS.slice(0, 6).join(', ')}, …), or a web address starting with https://.`,
          },
        });
      }
    });

/**
 * A resource of the library: a document to download (kept in the site, e.g. a PDF) or a link to
 * something elsewhere (a video, a toolkit). The resources page lists them, with filters by type
 * and by topic that are plain pages.
 */
export function resourceSchema() {
  return withoutBlanks(
    z.strictObject({
      title: documented(z.string({ error: 'every resource needs a title' }).trim().min(1, { error: 'every resource needs a title' }), {
        title: 'Title',
        description: 'The name of the document or link.',
        examples: ['Volunteer handbook'],
      }),
      summary: documented(z.string().trim().optional(), {
        title: 'Summary',
        description: 'One or two sentences that say what it is and who it is for.',
        examples: ['Everything a new volunteer needs to know, in 12 pages.'],
        cms: { widget: 'text' },
      }),
      type: documented(z.enum(RESOURCE_TYPES, { error: `choose one of: ${RESOURCE_TYPES.join(', ')}` }), {
        title: 'Type',
        description: 'What kind of resource it is; visitors can list the resources of one type.',
        examples: ['guide'],
      }),
      topics: documented(z.array(z.string().trim().min(1)).default([]), {
        title: 'Topics',
        description: 'What it is about, e.g. "volunteering"; visitors can list the resources of one topic.',
        examples: [['volunteering', 'safety']],
      }),
      link: documented(linkField(), {
        title: 'File or web address',
        description: 'Upload the document (PDF, Word, spreadsheet…) or insert the web address it is at.',
        examples: ['../../assets/resources/volunteer-handbook.pdf'],
        cms: { widget: 'file' },
      }),
      date: documented(dateField().optional(), {
        title: 'Date',
        description: 'When it was published or last updated, as YYYY-MM-DD. Newer resources are listed first.',
        examples: ['2026-05-01'],
      }),
      draft: draftField(),
    }),
  );
}

export type ResourceData = z.infer<ReturnType<typeof resourceSchema>>;
export type ResourceInput = z.input<ReturnType<typeof resourceSchema>>;
