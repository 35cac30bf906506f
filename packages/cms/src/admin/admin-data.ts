/**
 * What the admin page tells its script, as JSON in `<script type="application/json"
 * id="openoutreach-admin">`: data, not code, so the page's policy needs no 'unsafe-inline'.
 */
export interface AdminData {
  /** URLs of the site's stylesheets (fonts and theme), for the preview frame. */
  previewStyles: string[];
  /** The site's colours and fonts as CSS custom properties. */
  cssVariables: string;
  locale: string;
  collections: string[];
  /** UI strings by key, in the site's default language. */
  labels: Record<string, string>;
}

export const ADMIN_DATA_ID = 'openoutreach-admin';

/** The UI strings the admin script and the previews use. */
export const ADMIN_LABEL_KEYS = ['admin.altRequired', 'events.when', 'events.where', 'events.online', 'events.cost', 'events.register'] as const;

export function readAdminData(document: Document): AdminData {
  const element = document.getElementById(ADMIN_DATA_ID);
  const parsed = element?.textContent ? (JSON.parse(element.textContent) as Partial<AdminData>) : {};
  return { previewStyles: [], cssVariables: '', locale: 'en', collections: [], labels: {}, ...parsed };
}
