import type { SitePlan } from './plan.ts';

export const REPORT_FILES = { markdown: 'import-report.md', json: 'import-report.json' };

/** What the report says, as `import-report.json` holds it. Nothing in it depends on the clock, so a re-run writes the same bytes. */
export interface ImportReport {
  site: string;
  languages: string[];
  /** Published entries per kind, and the images, documents and redirects made. */
  imported: SitePlan['counts'];
  /** Entries written as drafts (unpublished in Drupal). */
  drafts: number;
  notImported: SitePlan['notImported'];
  /** Languages of the Drupal site the kit does not publish in. */
  languagesNotImported: string[];
  problems: { where: string; message: string; file?: string }[];
  /** Images kept without a description: editors should describe each one in the CMS. */
  imagesWithoutAlt: { where: string; image: string; file: string }[];
  /** Every file the import wrote, so that the next import knows its own files. */
  files: string[];
}

export function importReport(plan: SitePlan, files: string[]): ImportReport {
  return {
    site: plan.settings.name,
    languages: plan.languages.locales,
    imported: plan.counts,
    drafts: plan.drafts,
    notImported: plan.notImported,
    languagesNotImported: plan.languages.dropped,
    problems: plan.findings.problems,
    imagesWithoutAlt: plan.findings.undescribed,
    files: [...files].sort(),
  };
}

const LABELS: Record<string, string> = {
  pages: 'Pages',
  news: 'News posts',
  events: 'Events',
  people: 'People',
  resources: 'Resources (links, documents, videos)',
  albums: 'Photo albums',
  images: 'Images copied',
  documents: 'Documents copied',
  redirects: 'Old addresses redirected',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The report for people: what came over, what did not, and what to look at before publishing. */
export function reportMarkdown(report: ImportReport): string {
  const lines = [
    `# Import of ${report.site}`,
    '',
    `Languages: ${report.languages.join(', ')}.${report.languagesNotImported.length ? ` Not imported (the kit publishes in en, fr and es): ${report.languagesNotImported.join(', ')}.` : ''}`,
    '',
    '## Imported',
    '',
    '| what | count |',
    '| --- | ---: |',
    ...Object.entries(report.imported).map(([kind, count]) => `| ${LABELS[kind] ?? kind} | ${count} |`),
    `| Drafts (unpublished in Drupal, \`draft: true\`) | ${report.drafts} |`,
    '',
    '## Not imported',
    '',
    ...(report.notImported.length ? report.notImported.map(({ kind, count, note }) => `- ${kind}: ${count}${note ? ` (${note})` : ''}`) : ['Nothing.']),
    '',
    `## Images to describe (${report.imagesWithoutAlt.length})`,
    '',
    'These images had no alt text in Drupal. Open each file in the CMS and describe the image for people who cannot see it.',
    '',
    ...(report.imagesWithoutAlt.length
      ? ['| from | file | image |', '| --- | --- | --- |', ...report.imagesWithoutAlt.map((item) => `| ${item.where} | ${item.file} | ${cell(item.image)} |`)]
      : ['None.']),
    '',
    `## Problems (${report.problems.length})`,
    '',
    ...(report.problems.length
      ? [
          '| from | file | what happened |',
          '| --- | --- | --- |',
          ...report.problems.map((item) => `| ${item.where} | ${item.file ?? ''} | ${cell(item.message)} |`),
        ]
      : ['None.']),
    '',
  ];
  return lines.join('\n');
}
