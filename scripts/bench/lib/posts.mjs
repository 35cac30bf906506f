import { createRandom } from './prng.mjs';
import * as words from './words.mjs';

const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const wordCount = (text) => text.split(/\s+/).filter(Boolean).length;

function sentence(random) {
  const w = {
    group: random.pick(words.GROUPS),
    place: random.pick(words.PLACES),
    thing: random.pick(words.THINGS),
    noun: random.pick(words.NOUNS),
    verb: random.pick(words.VERBS_PAST),
    adjective: random.pick(words.ADJECTIVES),
    adverb: random.pick(words.ADVERBS),
    person: random.pick(words.PEOPLE),
    day: random.pick(words.DAYS),
    time: random.pick(words.TIMES),
    count: random.int(3, 140),
  };
  const patterns = [
    () => `${w.group} ${w.verb} the ${w.noun} ${w.adverb}.`,
    () => `On ${w.day}, ${w.count} people came to the ${w.adjective} ${w.thing} at ${w.place}.`,
    () => `${w.person} said the new ${w.noun} would make a real difference for ${w.group}.`,
    () => `We meet at ${w.place} at ${w.time}, and everyone is welcome, whether you can stay an hour or the whole day.`,
    () => `Thanks to ${w.group}, the ${w.noun} near ${w.place} was ${w.verb} ${w.adverb}.`,
    () => `If you want to help with the ${w.thing}, write to us or simply come along on ${w.day}.`,
    () => `The ${w.adjective} ${w.thing} raised enough money for a ${w.noun} and ${w.count} packed lunches.`,
    () => `As ${w.person} put it, "a street is only as strong as the neighbours who look after it."`,
    () => `Next month we will report back on the ${w.noun}, the ${w.thing} and what city hall decides.`,
    () => `Children, parents and grandparents ${w.verb} the ${w.noun} side by side, ${w.adverb}.`,
  ];
  let text = random.pick(patterns)();
  if (random.chance(0.08)) text = text.replace(w.noun, `**${w.noun}**`);
  if (random.chance(0.05)) text = text.replace(w.thing, `[${w.thing}](https://example.org/${w.thing.replace(/\W+/g, '-')}/)`);
  return capitalise(text);
}

function paragraph(random) {
  return Array.from({ length: random.int(2, 5) }, () => sentence(random)).join(' ');
}

function list(random) {
  const ordered = random.chance(0.3);
  const items = random
    .sample(words.THINGS, random.int(3, 5))
    .map((thing, index) => `${ordered ? `${index + 1}.` : '-'} ${capitalise(thing)} at ${random.pick(words.PLACES)} on ${random.pick(words.DAYS)}`);
  return items.join('\n');
}

/** A Markdown body of about `target` words: paragraphs under headings, lists, a quote now and then. */
function body(random, target) {
  const blocks = [paragraph(random)];
  const headings = random.sample(words.HEADINGS, words.HEADINGS.length);
  while (wordCount(blocks.join(' ')) < target) {
    blocks.push(`## ${headings.pop() ?? 'More news'}`);
    blocks.push(paragraph(random));
    if (random.chance(0.4)) blocks.push(list(random));
    if (random.chance(0.15)) blocks.push(`> ${sentence(random)}`);
    if (random.chance(0.6)) blocks.push(paragraph(random));
  }
  return blocks.join('\n\n');
}

const isoDay = (date) => date.toISOString().slice(0, 10);
const slugify = (text) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Where posts' dates fall: three years, ending on the last day of this range. */
const FIRST_DAY = Date.UTC(2023, 6, 1);
const DAYS_SPAN = 3 * 365;

/**
 * What a news post and an event-as-news-post share: title, date, tags, cover, summary, author
 * and body, all drawn from the PRNG seeded with `${kind}-${index}`.
 */
function postParts(index, kind, photoCount) {
  const random = createRandom(`${kind}-${index}`);
  const w = {
    group: capitalise(random.pick(words.GROUPS)),
    place: random.pick(words.PLACES),
    thing: random.pick(words.THINGS),
    noun: random.pick(words.NOUNS),
    verb: random.pick(words.VERBS_PAST),
    adjective: capitalise(random.pick(words.ADJECTIVES)),
    day: random.pick(words.DAYS),
    street: random.pick(words.STREETS),
  };
  const date = new Date(FIRST_DAY + random.int(0, DAYS_SPAN - 1) * 86_400_000);
  const title =
    kind === 'event'
      ? `${capitalise(w.thing)} at ${w.place}, ${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' })}`
      : capitalise(random.pick(words.TITLE_PATTERNS)(w));
  const tags = random.sample(words.TAGS, random.int(1, 3)).filter((tag) => tag !== 'events');
  const cover = photoCount > 0 && random.chance(1 / 20) ? random.int(1, photoCount) : undefined;
  const summary = sentence(random);
  const author = random.pick(words.PEOPLE);
  const text = body(random, random.int(340, 460));
  const fileName = `${slugify(title).slice(0, 60).replace(/-$/, '')}-${kind === 'event' ? 'e' : 'n'}${index + 1}.md`;
  const image = cover && { src: `../../assets/photos/${photoFileName(cover)}`, alt: `Photo of the ${w.thing} at ${w.place}` };
  return { w, date, title, tags, image, summary, author, text, fileName };
}

const imageLines = (field, image) => (image ? [`${field}:`, `  src: ${image.src}`, `  alt: ${JSON.stringify(image.alt)}`] : []);

function newsMarkdown({ title, date, summary, tags, author, image, text }) {
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    `date: ${isoDay(date)}`,
    `summary: ${JSON.stringify(summary)}`,
    `tags: ${JSON.stringify(tags)}`,
    `author: ${JSON.stringify(author)}`,
    ...imageLines('cover', image),
    '---',
    '',
    text,
    '',
  ].join('\n');
}

/**
 * News post number `index` (0-based) as `{ fileName, markdown }`. `photoCount` photos exist as
 * `photo-NN.jpg`; about one post in 20 uses one as its cover.
 */
export function generatePost(index, { photoCount }) {
  const parts = postParts(index, 'news', photoCount);
  return { fileName: parts.fileName, markdown: newsMarkdown(parts) };
}

const pad = (n) => String(n).padStart(2, '0');

/**
 * Event number `index` (0-based) in two forms with the same title, text and image: `event`, a
 * kit event (`src/content/events/`: start and end on the wall clock, a place, a cost), and
 * `post`, the same announcement as a news post tagged "events", for sites without events.
 */
export function generateEvent(index, { photoCount }) {
  const parts = postParts(index, 'event', photoCount);
  // A PRNG of its own, so that the post form does not depend on the event's extra fields.
  const random = createRandom(`event-time-${index}`);
  const hour = random.int(9, 19);
  const minute = random.pick([0, 30]);
  const day = isoDay(parts.date);
  const event = [
    '---',
    `title: ${JSON.stringify(parts.title)}`,
    `summary: ${JSON.stringify(parts.summary)}`,
    `start: ${day}T${pad(hour)}:${pad(minute)}`,
    `end: ${day}T${pad(hour + 2)}:${pad(minute)}`,
    'location:',
    `  name: ${JSON.stringify(capitalise(parts.w.place))}`,
    `  address: ${JSON.stringify(`${random.int(1, 240)} ${parts.w.street}, Springfield`)}`,
    `cost: ${random.pick(['Free', 'Free for members, $5 for others', 'Pay what you can'])}`,
    `tags: ${JSON.stringify(parts.tags)}`,
    ...imageLines('image', parts.image),
    '---',
    '',
    parts.text,
    '',
  ].join('\n');
  return { fileName: parts.fileName, event, post: newsMarkdown({ ...parts, tags: ['events', ...parts.tags] }) };
}

/** The file name of photo number `n` (1-based). */
export const photoFileName = (n) => `photo-${String(n).padStart(2, '0')}.jpg`;
