import type { DrupalSiteSettings, DrupalProblem } from '../model.ts';
import type { DrupalDatabase } from './connection.ts';
import { safeUnserialize } from './fields.ts';
import type { PhpValue } from './php-unserialize.ts';

export type Variables = Map<string, PhpValue | undefined>;

export async function readVariables(db: DrupalDatabase, problems: DrupalProblem[]): Promise<Variables> {
  const variables: Variables = new Map();
  for (const row of await db.rows<{ name: string; value: Buffer }>('SELECT name, value FROM {variable}')) {
    const value = safeUnserialize(row.value);
    if (value === undefined) problems.push({ where: `variable/${row.name}`, message: 'its value is not a serialized PHP value; it was ignored' });
    variables.set(row.name, value);
  }
  return variables;
}

const text = (value: PhpValue | undefined): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** Site name, slogan, mail, time zone, languages and front page (the logo is read with the files). */
export async function readSettings(db: DrupalDatabase, variables: Variables, problems: DrupalProblem[]): Promise<Omit<DrupalSiteSettings, 'logo'>> {
  const languageDefault = variables.get('language_default');
  const defaultLanguage = (typeof languageDefault === 'object' && languageDefault && !Array.isArray(languageDefault) && text(languageDefault.language)) || 'en';
  const languageRows = (await db.tables()).includes(`${db.prefix}languages`)
    ? await db.rows<{ language: string; native: string; enabled: number }>('SELECT language, native, enabled FROM {languages} ORDER BY weight, language')
    : [];
  const enabled = languageRows.filter((row) => Number(row.enabled) === 1);
  const languages = [defaultLanguage, ...enabled.map((row) => row.language).filter((code) => code !== defaultLanguage)];
  const languageNames = Object.fromEntries(languageRows.filter((row) => languages.includes(row.language)).map((row) => [row.language, row.native]));

  let timezone = text(variables.get('date_default_timezone'));
  if (!timezone || !isTimeZone(timezone)) {
    problems.push({
      where: 'variable/date_default_timezone',
      message: `the site's time zone is ${timezone ? `"${timezone}", not a known time zone` : 'not set'}; UTC was used`,
    });
    timezone = 'UTC';
  }
  const name = text(variables.get('site_name'));
  if (!name) problems.push({ where: 'variable/site_name', message: 'the site has no name; "Drupal" was used' });

  const contact: Record<string, string> = {};
  const mail = text(variables.get('site_mail'));
  if (mail) contact.email = mail;
  const slogan = text(variables.get('site_slogan'));
  const frontPage = text(variables.get('site_frontpage'));
  return {
    name: name ?? 'Drupal',
    ...(slogan ? { slogan } : {}),
    ...(mail ? { mail } : {}),
    timezone,
    defaultLanguage,
    languages,
    languageNames,
    ...(frontPage ? { frontPage } : {}),
    ...(Object.keys(contact).length ? { contact } : {}),
  };
}

/** Where the theme's logo is, as a `public://` URI or a path relative to Drupal's root. */
export function logoPath(variables: Variables): string | undefined {
  const theme = text(variables.get('theme_default'));
  for (const name of [theme && `theme_${theme}_settings`, 'theme_settings']) {
    if (!name) continue;
    const settings = variables.get(name);
    if (typeof settings !== 'object' || !settings || Array.isArray(settings)) continue;
    if (settings.default_logo === 1 || settings.default_logo === true) return undefined;
    const path = text(settings.logo_path);
    if (path) return path;
  }
  return undefined;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
