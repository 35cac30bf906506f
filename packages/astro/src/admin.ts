/**
 * The CMS at /admin/ as the integration wires it in: @openoutreach/cms owns what the page serves
 * (Decap's files, the admin script, the previews' entry); this module hands the site's theme to it.
 */
import { ADMIN_SCRIPT, previewEntry } from '@openoutreach/cms';
import type { Problem } from '@openoutreach/core';

export { adminAssetMiddleware, copyAdminAssets, currentBranch, siteDirInRepository } from '@openoutreach/cms';

/**
 * The virtual modules of /admin/: the admin script (`cms-admin`, which the page loads) and the
 * previews it registers (`cms-preview`: the theme's preview entry, or plain previews), with the
 * problems of a theme's misnamed entry.
 */
export function adminModules(theme: { name: string; dir: string }): { sources: Map<string, string>; problems: Problem[] } {
  const preview = previewEntry(theme.name, theme.dir);
  const sources = new Map([
    ['cms-admin', `import ${JSON.stringify(ADMIN_SCRIPT)};`],
    ['cms-preview', preview.module],
  ]);
  return { sources, problems: preview.problems };
}
