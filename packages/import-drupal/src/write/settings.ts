import { siteSettingsSchema } from '@openoutreach/core';
import { parseDocument } from 'yaml';
import { relativePath } from './assets.ts';
import type { SitePlan } from './plan.ts';

export const SETTINGS_FILE = 'src/settings/site.yaml';

/** Settings of the starter that describe its sample group, not the imported one. */
const SAMPLE_SETTINGS = ['description', 'announcement', 'shareImage', 'giving', 'social', 'translations'];

/**
 * The site's settings file with the Drupal site's name, slogan, time zone, languages, contact
 * details, logo and menus written in. Comments and every other setting stay as they were; with
 * `replace`, the starter's sample settings (description, announcement, share image, giving,
 * social links, newsletter) go. Returns the text and anything the kit's schema would refuse.
 */
export function updatedSettings(text: string, plan: SitePlan, replace: boolean): { text: string; problems: string[] } {
  const document = parseDocument(text, { version: '1.2' });
  const { settings, languages } = plan;
  document.set('name', settings.name);
  if (settings.tagline) document.set('tagline', settings.tagline);
  document.set('timeZone', settings.timeZone);
  document.set('defaultLocale', languages.defaultLocale);
  if (languages.multilingual) document.set('locales', languages.locales);
  else document.delete('locales');
  // The starter's sample contact details are not the group's; the key stays where it is, so a re-run writes the same bytes.
  if (replace) for (const key of ['email', 'phone', 'address']) if (document.hasIn(['contact', key])) document.deleteIn(['contact', key]);
  const { email, phone, street, address, city, locality, region, postalCode, country } = settings.contact;
  if (email) document.setIn(['contact', 'email'], email);
  if (phone) document.setIn(['contact', 'phone'], phone);
  const place = { street: street ?? address, locality: locality ?? city, region, postalCode, country };
  for (const [key, value] of Object.entries(place)) if (value) document.setIn(['contact', 'address', key], value);
  if (settings.logo) document.set('logo', { src: relativePath(SETTINGS_FILE, settings.logo), alt: settings.name, showName: true });
  document.setIn(['navigation', 'header'], settings.navigation.header);
  document.setIn(['navigation', 'footer'], settings.navigation.footer);
  if (replace) {
    for (const key of SAMPLE_SETTINGS) document.delete(key);
    if (document.hasIn(['forms', 'newsletter'])) document.deleteIn(['forms', 'newsletter']);
  }
  const checked = siteSettingsSchema.safeParse(document.toJS());
  const problems = checked.success ? [] : checked.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`);
  return { text: document.toString({ lineWidth: 0 }), problems };
}
