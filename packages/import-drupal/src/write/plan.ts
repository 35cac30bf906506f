import { RESOURCE_FILE_EXTENSIONS, slugify } from '@openoutreach/core';
import type { DrupalFile, DrupalNode, DrupalSite } from '../model.ts';
import { AddressBook, type Collection, type Entry, NODE_COLLECTIONS, slugSource } from './addresses.ts';
import { Assets, relativePath } from './assets.ts';
import { bodyLinks, FileIndex } from './bodies.ts';
import { dayOf } from './clock.ts';
import { eventFields } from './events.ts';
import { Findings } from './findings.ts';
import { htmlToMarkdown, plainText } from './html-to-markdown.ts';
import { chooseLanguages, type Languages } from './languages.ts';
import { markdownFile } from './markdown-file.ts';
import { placePagesAndMenus, type Navigation } from './menus.ts';
import { redirectsOf, type Redirect } from './redirects.ts';

export interface PlanOptions {
  /** The Drupal site's own addresses (`https://example.org`): absolute links to them are internal. */
  oldOrigins?: string[];
}

/** Everything the import writes into a member site, and what it found on the way. */
export interface SitePlan {
  languages: Languages;
  /** Site-relative path → the file's text. */
  files: Map<string, string>;
  /** Files made up where Drupal had none (a home page per language): a site's own file of that name wins. */
  fallbacks: Set<string>;
  /** Site-relative path → the Drupal file copied there. */
  copies: Map<string, string>;
  settings: { name: string; tagline?: string; timeZone: string; contact: Record<string, string>; logo?: string; navigation: Navigation };
  redirects: Redirect[];
  counts: Partial<Record<Collection | 'images' | 'documents' | 'redirects', number>>;
  /** Entries written with `draft: true` (unpublished in Drupal). */
  drafts: number;
  notImported: { kind: string; count: number; note?: string }[];
  findings: Findings;
}

const IMAGE_TYPES = new Set(['image']);
const VIDEO_PAGE = /^https?:\/\/(www\.)?(youtube\.com\/watch|youtu\.be\/|vimeo\.com\/\d)/;

/** Why some Debut content types have no place in a member site. */
const NOT_IMPORTED_NOTES: Record<string, string> = {
  member_page: 'pages only signed-in members could read; everything on the new site is public',
  highlighted: 'front-page highlights: use the home page blocks (a call to action) instead',
  forum: 'member sites have no forums',
};

/** A body as HTML: Drupal shows a plain-text body as text, with blank lines between paragraphs. */
function bodyHtml(body: { value: string; format?: string }): string {
  if (body.format !== 'plain_text') return body.value;
  const escaped = body.value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => `<p>${paragraph.trim().replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}
const isDocument = (file: DrupalFile) => file.type === 'document' || (!file.remoteUrl && !file.mime.startsWith('image/') && !file.mime.startsWith('video/'));
const altOf = (file: DrupalFile) => file.alt?.trim() || undefined;

/** Plans the member site made from a Drupal site: pure, so a dry run and the tests see exactly what would be written. */
export function planSite(drupal: DrupalSite, options: PlanOptions = {}): SitePlan {
  const languages = chooseLanguages(drupal.site);
  const timeZone = drupal.site.timezone;
  const findings = new Findings();
  for (const problem of drupal.problems) findings.problem(problem.where, problem.message);
  const book = new AddressBook(languages, drupal);
  const assets = new Assets();
  const files = new FileIndex();
  for (const file of [
    ...drupal.media,
    ...drupal.nodes.flatMap((node) => [...node.images, ...(node.files ?? [])]),
    ...drupal.people.map((bio) => bio.image),
    drupal.site.logo,
  ])
    files.add(file);
  const terms = new Map(drupal.terms.map((term) => [term.tid, term.name]));
  const texts = new Map<Entry, { data: Record<string, unknown>; html?: string; where: string }>();
  const notImported = new Map<string, number>();

  // Nodes, by translation set: the translations of one set share their file name.
  const sets = new Map<number, DrupalNode[]>();
  for (const node of drupal.nodes) {
    if (!NODE_COLLECTIONS[node.type]) {
      // The reader lists some kinds itself (webforms, with their submissions).
      if (!drupal.notImported.some((item) => item.kind === node.type)) notImported.set(node.type, (notImported.get(node.type) ?? 0) + 1);
      continue;
    }
    const key = node.tnid || node.nid;
    sets.set(key, [...(sets.get(key) ?? []), node]);
  }
  // The newest alias of each path, as Drupal shows it.
  const currentAliases = new Map(drupal.aliases.map((alias) => [alias.source, alias.alias]));
  const nodesBySource = new Map(drupal.nodes.map((node) => [`node/${node.nid}`, node]));
  const frontNid = Number(/^node\/(\d+)$/.exec(drupal.site.frontPage ?? '')?.[1]);
  const nodeEntries = new Map<number, Entry>();
  for (const [key, nodes] of [...sets].sort(([a], [b]) => a - b)) {
    nodes.sort((a, b) => (a.nid === key ? -1 : b.nid === key ? 1 : a.nid - b.nid));
    const collection = NODE_COLLECTIONS[nodes[0]!.type]!;
    const isHome = collection === 'pages' && nodes.some((node) => node.nid === frontNid);
    const setSlug = isHome ? 'home' : book.claim(collection, slugSource(nodes[0]!, currentAliases), key);
    const used = new Set<string>();
    for (const node of nodes) {
      const locale = languages.localeOf(node.language);
      if (!locale) {
        findings.problem(
          `node/${node.nid}`,
          `"${node.title}" is in ${node.language}, a language the site kit does not publish in (en, fr, es); it was not imported`,
        );
        continue;
      }
      const slug = used.has(locale) ? book.claim(collection, slugSource(node, currentAliases), node.nid) : setSlug;
      used.add(locale);
      const entry = book.add({ collection, slug, locale, source: `node/${node.nid}`, published: node.status === 1 });
      nodeEntries.set(node.nid, entry);
      texts.set(entry, { data: {}, ...(node.body?.value ? { html: bodyHtml(node.body) } : {}), where: `node/${node.nid}` });
    }
  }

  // Documents become resources first, so that bodies can link to their published files.
  const tried = new Set<number>();
  const documentPaths = new Map<number, string>();
  for (const file of [...drupal.media, ...drupal.nodes.flatMap((node) => node.files ?? [])].filter(isDocument)) {
    if (tried.has(file.fid)) continue;
    tried.add(file.fid);
    if (file.uri.startsWith('private://')) {
      findings.problem(
        `file/${file.fid}`,
        `the private file ${file.filename} was not imported: only signed-in members could read it in Drupal, and everything on the new site is public`,
      );
      continue;
    }
    const copied = assets.document(file, RESOURCE_FILE_EXTENSIONS);
    if ('problem' in copied) {
      findings.problem(`file/${file.fid}`, `the document was not imported: ${copied.problem}`);
      continue;
    }
    files.documents.set(file.fid, `/files/${copied.path.replace(/^src\/assets\//, '')}`);
    documentPaths.set(file.fid, copied.path);
    const title = file.title?.trim() || file.description?.trim() || file.filename;
    const entry = book.add({
      collection: 'resources',
      slug: book.claim('resources', title, file.fid),
      locale: languages.defaultLocale,
      source: `file/${file.fid}`,
      published: true,
    });
    texts.set(entry, {
      data: { title, type: 'document', link: '', _document: copied.path, ...(file.timestamp ? { date: dayOf(file.timestamp, timeZone) } : {}) },
      where: `file/${file.fid}`,
    });
  }
  const linked = new Set(drupal.nodes.flatMap((node) => (node.link?.url ? [node.link.url] : [])));
  for (const video of drupal.media.filter((file) => file.remoteUrl && !linked.has(file.remoteUrl))) {
    const attachedTo = drupal.nodes.find((node) => node.files?.some((file) => file.fid === video.fid));
    const title = video.title?.trim() || video.description?.trim() || (attachedTo ? `${attachedTo.title}: video` : `Video ${video.filename}`);
    const entry = book.add({
      collection: 'resources',
      slug: book.claim('resources', title, video.fid),
      locale: languages.defaultLocale,
      source: `file/${video.fid}`,
      published: true,
    });
    texts.set(entry, {
      data: { title, type: 'video', link: video.remoteUrl, topics: (video.tags ?? []).map((tid) => terms.get(tid)).filter(Boolean) },
      where: `file/${video.fid}`,
    });
  }

  for (const bio of drupal.people) {
    const entry = book.add(
      {
        collection: 'people',
        slug: book.claim('people', bio.alias?.split('/').at(-1) ?? bio.name, bio.pid),
        locale: languages.defaultLocale,
        source: `profile/${bio.pid}`,
        published: true,
      },
      [`profile-bio/${bio.uid}`, `user/${bio.uid}`],
    );
    if (bio.alias) book.addAlias(bio.alias, `profile/${bio.pid}`);
    const body = bio.fields.field_bio;
    texts.set(entry, { data: { name: bio.name, _image: bio.image }, ...(typeof body === 'string' ? { html: body } : {}), where: `profile/${bio.pid}` });
  }

  // Albums: the media library's photos by tag; photos no page shows and with no tag make one album.
  const inline = drupal.nodes.flatMap((node) => inlineFiles(node.body?.value ?? '', files));
  const shown = new Set([
    ...inline,
    ...drupal.nodes.flatMap((node) => node.images.map((image) => image.fid)),
    ...drupal.people.flatMap((bio) => (bio.image ? [bio.image.fid] : [])),
    drupal.site.logo?.fid,
  ]);
  const albums = new Map<string, DrupalFile[]>();
  for (const image of drupal.media.filter((file) => IMAGE_TYPES.has(file.type) && !file.remoteUrl)) {
    const tags = (image.tags ?? []).map((tid) => terms.get(tid)).filter((name): name is string => Boolean(name));
    if (!tags.length && shown.has(image.fid)) continue;
    for (const name of tags.length ? tags : ['Photos']) albums.set(name, [...(albums.get(name) ?? []), image]);
  }
  for (const [name, photos] of albums) {
    const entry = book.add({
      collection: 'albums',
      slug: book.claim('albums', name, name),
      locale: languages.defaultLocale,
      source: `album/${slugify(name)}`,
      published: true,
    });
    texts.set(entry, { data: { title: name, _photos: photos }, where: `album "${name}"` });
  }

  // A term's old page becomes its news tag page, where published news carry it.
  for (const node of drupal.nodes) {
    const entry = nodeEntries.get(node.nid);
    if (entry?.collection !== 'news' || !entry.published) continue;
    for (const tid of node.tags) {
      const name = terms.get(tid);
      if (name) book.addTarget(`taxonomy/term/${tid}`, `/news/tags/${slugify(name)}/`, entry.locale);
    }
  }
  const navigation = placePagesAndMenus(drupal, book, nodeEntries, findings);
  book.placePages();

  // First the front matter of every entry, so that an entry left out is known before any body links to it.
  const prepared: { entry: Entry; data: Record<string, unknown>; text: { html?: string; where: string } }[] = [];
  for (const entry of book.entries) {
    const text = texts.get(entry)!;
    const node = nodesBySource.get(entry.source);
    const problem = (message: string) => findings.problem(text.where, message, entry.file);
    const image = (file: DrupalFile | undefined, fallbackAlt: string) => {
      if (!file) return undefined;
      const copied = assets.image(file);
      if ('problem' in copied) return void problem(`an image was left out: ${copied.problem}`);
      if (!altOf(file)) findings.missingAlt(text.where, copied.path, entry.file);
      return { src: relativePath(entry.file, copied.path), alt: altOf(file) ?? fallbackAlt };
    };
    const linkedFile = node?.link?.url && !/^https?:\/\//.test(node.link.url) ? files.bySrc(node.link.url) : undefined;
    const linkedDocument = linkedFile && documentPaths.get(linkedFile.fid);
    const data = linkedDocument
      ? {
          title: node!.title,
          type: 'document',
          link: relativePath(entry.file, linkedDocument),
          topics: node!.tags.map((tid) => terms.get(tid)).filter(Boolean),
          date: dayOf(node!.created, timeZone),
          draft: node!.status === 1 ? undefined : true,
        }
      : node
        ? nodeData(node, entry, drupal, terms, timeZone, problem)
        : { ...text.data };
    if (data && node?.images.length)
      data[entry.collection === 'events' ? 'image' : entry.collection === 'pages' ? 'hero' : 'cover'] = image(node.images[0], node.title);
    if (data?._image) data.photo = image(data._image as DrupalFile, `Photo of ${data.name}`);
    if (data?._document) data.link = relativePath(entry.file, data._document as string);
    if (data?._photos) {
      const photos = (data._photos as DrupalFile[])
        .map((file) => ({ file, photo: image(file, file.title?.trim() || file.filename) }))
        .filter(({ photo }) => photo);
      data.photos = photos.map(({ file, photo }) => ({ ...photo, ...(file.description ? { caption: plainText(file.description) } : {}) }));
      data.date = dayOf(Math.max(...photos.map(({ file }) => file.timestamp ?? 0)), timeZone);
    }
    if (!data || (data._photos && !(data.photos as unknown[]).length)) {
      entry.published = false;
      continue;
    }
    delete data._image;
    delete data._document;
    delete data._photos;
    prepared.push({ entry, data, text });
  }
  const output = new Map<string, string>();
  const fallbacks = new Set<string>();
  const counts: SitePlan['counts'] = {};
  let drafts = 0;
  for (const { entry, data, text } of prepared) {
    const body =
      text.html && entry.collection !== 'resources'
        ? htmlToMarkdown(text.html, bodyLinks(entry, text.where, book, files, assets, findings, options.oldOrigins ?? []))
        : '';
    output.set(entry.file, markdownFile(data, body));
    if (entry.published) counts[entry.collection] = (counts[entry.collection] ?? 0) + 1;
    else drafts++;
  }
  for (const locale of languages.locales) {
    const home = languages.multilingual ? `src/content/pages/${locale}/home.md` : 'src/content/pages/home.md';
    if (output.has(home)) continue;
    output.set(home, markdownFile({ title: drupal.site.name, summary: drupal.site.slogan }));
    fallbacks.add(home);
  }

  const logo = drupal.site.logo && assets.image(drupal.site.logo);
  if (logo && 'problem' in logo) findings.problem('variable/logo', `the logo was not imported: ${logo.problem}`);
  const redirects = redirectsOf(book, findings);
  counts.images = [...assets.copies.keys()].filter((path) => path.startsWith('src/assets/images/')).length;
  counts.documents = files.documents.size;
  counts.redirects = redirects.length;
  return {
    languages,
    files: output,
    fallbacks,
    copies: assets.copies,
    settings: {
      name: drupal.site.name,
      ...(drupal.site.slogan ? { tagline: drupal.site.slogan } : {}),
      timeZone,
      contact: { ...(drupal.site.mail ? { email: drupal.site.mail } : {}), ...drupal.site.contact },
      ...(logo && 'path' in logo ? { logo: logo.path } : {}),
      navigation,
    },
    redirects,
    counts,
    drafts,
    notImported: [
      ...[...notImported].map(([kind, count]) => ({ kind: `${kind} content`, count, ...(NOT_IMPORTED_NOTES[kind] ? { note: NOT_IMPORTED_NOTES[kind] } : {}) })),
      ...drupal.notImported,
    ],
    findings,
  };
}

/** The front matter of a node's entry, by collection; `undefined` leaves the node out. */
function nodeData(
  node: DrupalNode,
  entry: Entry,
  drupal: DrupalSite,
  terms: Map<number, string>,
  timeZone: string,
  problem: (message: string) => void,
): Record<string, unknown> | undefined {
  const summary = node.body?.summary ? plainText(node.body.summary) : undefined;
  const draft = node.status === 1 ? undefined : true;
  const tags = [...new Set(node.tags.map((tid) => terms.get(tid)).filter((name): name is string => Boolean(name)))];
  switch (entry.collection) {
    case 'pages':
      return { title: node.title, summary, parent: entry.parent, ...(entry.menu ? { menu: entry.menu } : {}), draft };
    case 'news':
      return {
        title: node.title,
        date: dayOf(node.created, timeZone),
        summary,
        tags,
        author: node.author && !/^(admin|anonymous)$/i.test(node.author) ? node.author : undefined,
        draft,
      };
    case 'events': {
      const fields = eventFields(node, drupal.places, timeZone, problem);
      return fields && { title: node.title, summary, ...fields, tags, draft };
    }
    case 'resources': {
      if (!node.link?.url || !/^https?:\/\//.test(node.link.url)) {
        problem(`the link "${node.title}" has no web address (${node.link?.url ?? 'none'}) and was left out`);
        return undefined;
      }
      return {
        title: node.title,
        summary: summary ?? (node.body?.value ? plainText(node.body.value).slice(0, 300) : undefined),
        type: VIDEO_PAGE.test(node.link.url) ? 'video' : 'link',
        link: node.link.url,
        topics: tags,
        date: dayOf(node.created, timeZone),
        draft,
      };
    }
    default:
      return undefined;
  }
}

/** The files a body shows: media tokens' file ids and images' addresses, so that the media library's album leaves them out. */
function inlineFiles(html: string, files: FileIndex): number[] {
  const tokens = [...html.matchAll(/"fid"\s*:\s*"?(\d+)/g)].map((match) => Number(match[1]));
  const sources = [...html.matchAll(/<img[^>]*\ssrc\s*=\s*["']([^"']+)["']/gi)]
    .map((match) => files.bySrc(match[1]!)?.fid)
    .filter((fid): fid is number => fid !== undefined);
  return [...tokens, ...sources];
}
