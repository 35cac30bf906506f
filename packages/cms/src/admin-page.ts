/**
 * The data the /admin/ page hands its script (admin/admin-data.ts reads it), built at the site's
 * build from the site's stylesheets, language and CMS configuration.
 */
import { parse } from 'yaml';
import { ADMIN_LABEL_KEYS, type AdminData } from './admin/admin-data.ts';
import { backendSchema, signInProblem } from './backend.ts';

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

/**
 * Why editors cannot sign in with the configuration the admin page serves, if they cannot: the
 * page then says so instead of starting Decap with a Login that cannot work. A configuration with
 * the local backend (`npm run edit`) always can.
 */
export function adminSignInProblem(cmsConfigYaml: string): string | undefined {
  const config = parse(cmsConfigYaml) as { backend?: unknown; local_backend?: unknown };
  if (config.local_backend) return undefined;
  const backend = backendSchema.safeParse(config.backend);
  return backend.success ? signInProblem(backend.data) : undefined;
}
