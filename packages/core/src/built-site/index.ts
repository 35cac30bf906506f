/**
 * Reading a built site as a static host serves it: its files and URL paths, the start tags of its
 * pages, and its broken links. Shared by the build's link check (@openoutreach/astro) and the
 * quality gates (@openoutreach/check); it reads the disk, so it is not part of core's main entry,
 * which the CMS loads in the browser.
 */
export { decodeEntities, fragmentTargets, startTags, type StartTag } from './html-scan.ts';
export { checkLinks, findBrokenLinks, linkedTags, siteUrlOf, type BrokenLink, type BrokenLinkKind, type LinkedPage, type LinkFinding } from './links.ts';
export { filesIn, normaliseBase, resolvePath, urlPathOf, type Resolution } from './site-files.ts';
