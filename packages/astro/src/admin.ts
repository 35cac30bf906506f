/**
 * The CMS at /admin/ as the integration wires it in: @openoutreach/cms owns what the page serves
 * (Decap's files, the admin script, the previews' entry); this module hands the site's theme to it.
 */
import { previewEntry } from '@openoutreach/cms';
import type { Problem } from '@openoutreach/core';

export { adminAssetMiddleware, copyAdminAssets, currentBranch, siteDirInRepository } from '@openoutreach/cms';

/**
 * The virtual modules the admin script imports (`virtual:openoutreach/cms-preview`: the theme's
 * preview entry, or plain previews), with the problems of a theme's misnamed entry.
 */
export function adminModules(theme: { name: string; dir: string }): { sources: Map<string, string>; problems: Problem[] } {
  const preview = previewEntry(theme.name, theme.dir);
  return { sources: new Map([['cms-preview', preview.module]]), problems: preview.problems };
}
