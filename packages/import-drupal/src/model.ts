/**
 * What the reader (`src/read/`) gets out of a Drupal 7 Open Outreach database, and what the writer
 * (`src/write/`) turns into a member site. Plain data: no database handles, no Drupal PHP objects.
 *
 * Conventions:
 * - Times are ISO 8601 strings in UTC (`2026-03-29T17:00:00Z`) unless a field says otherwise;
 *   Unix timestamps (`created`, `changed`) stay numbers of seconds, as Drupal stores them.
 * - Languages are Drupal language codes; `und` (language neutral) is kept as `und`.
 * - Ids (`nid`, `fid`, `tid`, `pid`, `mlid`) are Drupal's own, so the writer can name problems after them.
 */

/** A whole site as read from its database (and its `files` folder). */
export interface DrupalSite {
  site: DrupalSiteSettings;
  /** Every node except places, in its current revision (`node.vid`), published or not: `status` says which. */
  nodes: DrupalNode[];
  /** Debut Bio profiles (profile2 entities of type `bio`), not nodes. */
  people: DrupalBio[];
  /** File entities (`file_managed`): images, videos (remote ones included), audio and documents. */
  media: DrupalFile[];
  /** `location` nodes (Debut Location): an address and coordinates that events refer to. */
  places: DrupalPlace[];
  terms: DrupalTerm[];
  /** Links of the menus the site shows: `main-menu`, `menu-footer` (and any other custom menu). */
  menus: DrupalMenuLink[];
  /** `url_alias` rows in `pid` order; duplicates are kept (the newest row is Drupal's current alias). */
  aliases: DrupalAlias[];
  /** What exists in the site but is not imported (webforms, comments, contact forms, users, …). */
  notImported: {
    kind: 'webform' | 'comment' | 'contact' | 'user' | 'crm contact' | 'crm organisation' | 'newsletter subscriber' | (string & {});
    count: number;
    note?: string;
  }[];
  /** Everything odd the reader met, e.g. `{ where: 'node/12', message: 'image file 7 is missing from files/' }`. */
  problems: DrupalProblem[];
}

export interface DrupalSiteSettings {
  /** `variable` site_name. */
  name: string;
  /** `variable` site_slogan. */
  slogan?: string;
  /** `variable` site_mail. */
  mail?: string;
  /** IANA time zone, `variable` date_default_timezone (e.g. `Europe/Berlin`). */
  timezone: string;
  /** `variable` language_default (its `language` property), else `en`. */
  defaultLanguage: string;
  /** Enabled languages (`languages.enabled = 1`), ordered by weight; the default one first. */
  languages: string[];
  /** Native names of those languages, e.g. `{ fr: 'Français' }`. */
  languageNames?: Record<string, string>;
  /** `variable` site_frontpage as Drupal stores it (`node`, `node/12`, `home`, …). */
  frontPage?: string;
  /** The theme's logo (`theme_<theme>_settings.logo_path` or `theme_settings`), when it is a file. */
  logo?: DrupalFile;
  /** Contact details found in variables or the contact module, e.g. `{ email, phone, address }`. */
  contact?: Record<string, string>;
}

export interface DrupalNode {
  nid: number;
  /** The current revision; older revisions are not read. */
  vid: number;
  /**
   * Node type as Open Outreach names it: `section` (pages, in book outlines), `article`, `blog`,
   * `event`, `link`, `highlighted`, `member_page` (members-only), `webform` (its form is not imported:
   * see `notImported`), `simplenews`, or a site's own type. `location` nodes are in `places`.
   */
  type: string;
  language: string;
  /** Translation set: the nid of the source node, 0 when the node is not in a set (`node.tnid`). */
  tnid: number;
  title: string;
  status: 0 | 1;
  /** Unix seconds. */
  created: number;
  /** Unix seconds. */
  changed: number;
  promote?: boolean;
  sticky?: boolean;
  /** The author's user name (`users.name`); users themselves are not imported. */
  author?: string;
  /** `body` field of the current revision, HTML as stored (unfiltered; the writer sanitises). */
  body?: { value: string; summary?: string; format?: string };
  /** Term ids from all the node's taxonomy fields (`field_tags`, `field_event_type`, `field_link_term`, …), without repeats. */
  tags: number[];
  /** Images attached through image fields (`field_content_image`, …), in delta order. */
  images: DrupalFile[];
  /** Files attached through file fields (Debut's `field_media`: images, remote videos, documents), in delta order. */
  files?: DrupalFile[];
  /**
   * Other fields of this node type, by field name: one value when the field holds one, else an array
   * by delta. `text` → string; `text_long` → `{ value, format? }`; term, entity and file references →
   * ids (taxonomy fields other than `field_tags` appear here too, besides `tags`); link fields after
   * the first → `{ url, title? }`; anything else → its columns.
   */
  fields: Record<string, unknown>;
  /** Debut Event: `field_event_date` (one entry per stored occurrence) and its Date Repeat rule. */
  event?: DrupalEventDates;
  /** Book outline: the nid of the parent page (none for a book's top page). */
  bookParent?: number;
  /** Book outline weight among siblings. */
  weight?: number;
  /** The first link field (`field_link` of Debut Link and Debut Highlighted), as stored: absolute URL or Drupal path (`node/5`). */
  link?: { url: string; title?: string };
}

export interface DrupalEventDates {
  /** Occurrences in delta order; `start`/`end` are UTC ISO strings. */
  dates: { start: string; end?: string; timezone: string }[];
  /** The repeat rule's RRULE value without its `RRULE:` prefix (`FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20261111T045959Z;WKST=SU`). */
  rrule?: string;
  /** The rule's EXDATE values (occurrences left out), as UTC ISO date-times (`2026-12-24T05:00:00Z`) or dates (`2026-12-24`). */
  exdates?: string[];
  /** The rule's RDATE values (extra occurrences), in the same form as `exdates`. */
  rdates?: string[];
  /** The place: nid of a `location` node (see `DrupalSite.places`). */
  placeNid?: number;
  /** `true` when the date field has no times (all-day event). */
  allDay?: boolean;
}

export interface DrupalFile {
  fid: number;
  /** As stored: `public://images/a.jpg`, `private://…`, `youtube://v/<id>`, `vimeo://v/<id>`. */
  uri: string;
  filename: string;
  mime: string;
  /** File entity bundle: `image`, `video`, `audio`, `document`, `default`. */
  type: string;
  /** For remote media (`youtube://`, `vimeo://`): the public page address. */
  remoteUrl?: string;
  alt?: string;
  title?: string;
  description?: string;
  /** Absolute path of the file inside the given files folder, when it is there. */
  path?: string;
  /** Term ids (media tags). */
  tags?: number[];
  /** Unix seconds. */
  timestamp?: number;
}

export interface DrupalPlace {
  nid: number;
  title: string;
  language?: string;
  status?: 0 | 1;
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  /** ISO 3166-1 alpha-2, as addressfield stores it. */
  country?: string;
  lat?: number;
  lon?: number;
}

export interface DrupalBio {
  pid: number;
  uid: number;
  /** The person's name (the profile's label or full-name field, else the user name). */
  name: string;
  /** Other profile fields, by field name. */
  fields: Record<string, unknown>;
  image?: DrupalFile;
  /** The profile's path alias, if any (e.g. `people/ana`). */
  alias?: string;
}

export interface DrupalTerm {
  tid: number;
  /** Vocabulary machine name (`tags`, …). */
  vocabulary: string;
  name: string;
  /** Parent term id; none for a top-level term. */
  parent?: number;
  description?: string;
  weight?: number;
  language?: string;
}

export interface DrupalMenuLink {
  mlid: number;
  /** Menu machine name: `main-menu`, `menu-footer`, … */
  menu: string;
  title: string;
  /** `link_path` as stored: `node/12`, `<front>`, `events`, or an external URL. */
  path: string;
  parent?: number;
  weight: number;
  hidden: boolean;
  external?: boolean;
  language?: string;
}

export interface DrupalAlias {
  /** System path, e.g. `node/12`, `taxonomy/term/3`, `profile-bio/4`. */
  source: string;
  /** Alias without a leading slash, e.g. `about/history`. */
  alias: string;
  language: string;
}

export interface DrupalProblem {
  /** What it is about, as a Drupal path: `node/12`, `file/7`, `term/3`, `variable/site_name`. */
  where: string;
  message: string;
}

/** Where to read from: a running server, or a mysqldump file loaded into a temporary database. */
export type DrupalSource =
  | {
      /** `mysql://user:pass@host:3306/db` or `mysql://user@localhost/db?socket=/path/to/socket`. */
      url: string;
    }
  | {
      dumpFile: string;
      /**
       * A server to load the dump into (a temporary database is created and dropped there). Without
       * it, the reader starts a private MariaDB in a temporary folder (needs Debian's mariadb-server).
       */
      server?: string;
    };

export interface ReadOptions {
  /** The site's `files` folder (what `public://` points at), to find images and documents. */
  filesDir?: string;
  /** Drupal's table prefix, when the database holds several sites; found by itself otherwise. */
  tablePrefix?: string;
  /** Called as the reader goes, e.g. `('nodes', 120, 5000)`. */
  onProgress?: (step: string, done: number, total: number) => void;
}

/** Implemented in `./read/index.ts`: `import { readDrupalSite } from './read/index.ts'`. */
export type ReadDrupalSite = (source: DrupalSource, options?: ReadOptions) => Promise<DrupalSite>;
