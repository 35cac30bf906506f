import { closestKey, HOME_PAGE_ID, type HomeBlockType, type Problem } from '@openoutreach/core';
import { checkMarkdownText, MarkdownLimitError } from '@openoutreach/markdown';
import { contentFiles, type SiteContent } from './read-content.ts';

/** What the site publishes that home page blocks show. */
export interface BlockFeatures {
  news: boolean;
  events: boolean;
  projects: boolean;
  /** Whether the donate page is published (the `giving` feature and settings). */
  giving: boolean;
}

/** The feature each kind of block shows, and how to turn it on. */
const NEEDS: Partial<Record<HomeBlockType, { feature: keyof BlockFeatures; what: string; fix: string }>> = {
  'latest-news': { feature: 'news', what: 'news', fix: 'turn news on in astro.config.mjs with openOutreach({ features: { news: true } })' },
  'upcoming-events': { feature: 'events', what: 'events', fix: 'turn events on in astro.config.mjs with openOutreach({ features: { events: true } })' },
  'featured-projects': {
    feature: 'projects',
    what: 'projects',
    fix: 'turn projects on in astro.config.mjs with openOutreach({ features: { projects: true } })',
  },
  donate: { feature: 'giving', what: 'a donate page', fix: 'add a `giving` section to the settings (Settings → Giving in the CMS)' },
};

/**
 * Problems with the home pages' blocks that their schema cannot see: a block that shows a
 * feature the site has turned off, a featured project that names no project (a typo, a
 * renamed file), and a text past the Markdown limits (`limits.ts` in @openoutreach/markdown).
 * Translations share slugs, so a project is known if any language has it. Files that cannot be
 * read are left to the content check.
 */
export function homeBlockProblems(content: SiteContent, features: BlockFeatures): Problem[] {
  const homes = contentFiles(content, 'pages').filter((entry) => entry.slug === HOME_PAGE_ID);
  const projects = [...new Set(contentFiles(content, 'projects').map((entry) => entry.slug))];
  return homes.flatMap(({ file, parsed }) => {
    const blocks = parsed?.ok ? (parsed.data as { blocks?: unknown }).blocks : undefined;
    if (!Array.isArray(blocks)) return [];
    return blocks.flatMap((block: { type?: unknown; projects?: unknown; text?: unknown }, index): Problem[] => {
      const need = NEEDS[block?.type as HomeBlockType];
      if (need && !features[need.feature]) {
        return [
          {
            file,
            field: `blocks[${index}].type`,
            message: `the "${String(block.type)}" block shows ${need.what}, which the site does not publish`,
            fix: `${need.fix}, or remove the block.`,
          },
        ];
      }
      // The page renders this text, and a text past the Markdown limits would stop it there with a stack trace.
      if (block?.type === 'text-with-image' && typeof block.text === 'string') {
        try {
          checkMarkdownText(block.text);
        } catch (error) {
          if (error instanceof MarkdownLimitError) return [{ file, field: `blocks[${index}].text`, message: error.message, fix: error.fix }];
          throw error;
        }
      }
      if (block?.type !== 'featured-projects' || !Array.isArray(block.projects)) return [];
      return block.projects.flatMap((slug, position): Problem[] => {
        if (typeof slug !== 'string' || projects.includes(slug.trim())) return [];
        const suggestion = closestKey(slug.trim(), projects);
        return [
          {
            file,
            field: `blocks[${index}].projects[${position}]`,
            message: `there is no project "${slug}" in src/content/projects/`,
            fix: suggestion
              ? `did you mean "${suggestion}"? A project is named by its file name without .md.`
              : projects.length
                ? `use the file name of one of the projects without .md (${projects.join(', ')}), or remove it.`
                : 'add the project to src/content/projects/ first, or remove it.',
          },
        ];
      });
    });
  });
}
