import type { Problem, SiteSettings } from '@openoutreach/core';
import { checkContent } from './content-check.ts';
import { reservedEventNameProblems } from './events-check.ts';
import { homeBlockProblems } from './home-blocks-check.ts';
import { missingHomePageProblems } from './home-page-check.ts';
import type { SiteContent } from './read-content.ts';
import { referenceProblems } from './references-check.ts';
import { resourceFileProblems } from './resource-files-check.ts';
import { markdownVideoHostProblems, videoHostProblems } from './video-hosts-check.ts';

export { readContent, hasContentFiles, type ContentFile, type SiteContent } from './read-content.ts';
export { loadSettings, type LoadedSettings } from './settings.ts';

/** What the checks need to know of the site besides its content. */
export interface CheckContext {
  /** The features the site's options turn on. */
  features: { news: boolean; events: boolean; projects: boolean; albums: boolean; resources: boolean; giving: boolean };
  /** The site's settings; without them the checks that depend on its languages or hosts are left out. */
  settings: SiteSettings | undefined;
  /** The settings file, relative to the site's root, as the fixes name it. */
  settingsFile: string;
}

/**
 * Every problem with a site's content that stops the build, in the order the build reports them:
 * each file and its images, reserved event names, references between entries, home page blocks,
 * resources' documents, album videos, missing home pages.
 */
export function contentProblems(content: SiteContent, { features, settings, settingsFile }: CheckContext): Problem[] {
  // Without readable settings the site's languages are unknown, and so is where its content belongs.
  if (!settings)
    return [
      ...(features.events ? reservedEventNameProblems(content) : []),
      ...referenceProblems(content),
      ...(features.resources ? resourceFileProblems(content) : []),
    ];
  return [
    ...checkContent(content),
    ...(features.events ? reservedEventNameProblems(content) : []),
    ...referenceProblems(content),
    ...homeBlockProblems(content, { ...features, giving: features.giving && !!settings.giving }),
    ...(features.resources ? resourceFileProblems(content) : []),
    ...(features.albums ? videoHostProblems(content, settings.videos, settingsFile) : []),
    ...missingHomePageProblems(content),
  ];
}

/** Problems worth a warning that do not stop the build: videos that stay links. */
export function contentWarnings(content: SiteContent, { settings, settingsFile }: CheckContext): Problem[] {
  return settings ? markdownVideoHostProblems(content, settings.videos, settingsFile) : [];
}
