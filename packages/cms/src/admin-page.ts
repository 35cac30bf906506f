/**
 * The data the /admin/ page hands its script (admin/admin-data.ts reads it), built at the site's
 * build from the site's stylesheets, language and CMS configuration.
 */
import { parse } from 'yaml';
import { ADMIN_LABEL_KEYS, type AdminData } from './admin/admin-data.ts';

export { ADMIN_DATA_ID } from './admin/admin-data.ts';

export interface AdminPageInput {
  previewStyles: string[];
  cssVariables: string;
  locale: string;
  /** The CMS configuration as served at admin/config.yml. */
  cmsConfigYaml: string;
  /** The site's translator for its default language. */
  t: (key: never) => string;
}

/** The JSON text of the admin page's data element, safe inside `<script type="application/json">`. */
export function adminDataJson({ previewStyles, cssVariables, locale, cmsConfigYaml, t }: AdminPageInput): string {
  const config = parse(cmsConfigYaml) as { collections?: { name?: unknown }[] };
  const collections = (config.collections ?? []).map((collection) => collection.name).filter((name): name is string => typeof name === 'string');
  const labels = Object.fromEntries(ADMIN_LABEL_KEYS.map((key) => [key, t(key as never)]));
  const data: AdminData = { previewStyles, cssVariables, locale, collections, labels };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
