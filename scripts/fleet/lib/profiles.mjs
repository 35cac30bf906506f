// @ts-check
import { createRandom } from '../../bench/lib/prng.mjs';

/**
 * @typedef {object} SiteProfile what makes one simulated member site differ from the starter
 * @property {string} name the site's name in the fleet file, `[a-z0-9-]`
 * @property {string} title the group's name, in its settings
 * @property {string[]} languages the main language first
 * @property {{ albums: boolean, people: boolean, projects: boolean, resources: boolean }} features the optional features
 * @property {{ primary: string, accent: string }} colours
 * @property {{ heading: string, body: string }} fonts
 * @property {string} timeZone
 * @property {boolean} override whether the site replaces the theme's Footer with its own
 * @property {number} posts news posts added to the starter's four
 * @property {number} events events added to the starter's four
 * @property {{ domain: string } | { subpath: string }} address where the co-op serves it: its own domain, or a sub-path of the fleet's host
 */

/** Each site's languages, in turn: every fleet of three or more has each. */
const LANGUAGES = [['en'], ['en', 'es'], ['fr']];

/** Brand colours as groups pick them; the kit darkens any that reads badly (core `readableOn`). */
const COLOURS = [
  { primary: '#1d5c63', accent: '#b4442a' },
  { primary: '#2b3a67', accent: '#c8553d' },
  { primary: '#3d5a1e', accent: '#8a4f7d' },
  { primary: '#6b2d5c', accent: '#1f7a8c' },
  { primary: '#0b4f6c', accent: '#d1495b' },
  { primary: '#5c3d2e', accent: '#2e6f40' },
  { primary: '#22223b', accent: '#c9184a' },
  { primary: '#1b4332', accent: '#e76f51' },
];

/** The theme's fonts (core FONT_CHOICES). */
const FONTS = ['atkinson-hyperlegible', 'source-serif', 'lexend', 'system-sans', 'system-serif'];

const TIME_ZONES = ['America/Toronto', 'Europe/Paris', 'America/Mexico_City', 'Europe/London', 'America/Vancouver'];

const PLACES = ['maple', 'riverside', 'oak-lane', 'harbour', 'hillside', 'eastside', 'northgate', 'willow', 'cedar', 'millbrook', 'parkdale', 'lakeview'];
const KINDS = ['tenants', 'garden', 'food-bank', 'choir', 'library', 'cyclists', 'youth-club', 'co-op', 'residents', 'repair-cafe'];

/**
 * How much a site publishes, as a share of a fleet: most groups have a few pages and posts, a few
 * have years of news. `posts` is the range of news posts added.
 */
const SIZES = [
  { share: 0.55, posts: [0, 12] },
  { share: 0.3, posts: [20, 80] },
  { share: 0.1, posts: [150, 400] },
  { share: 0.05, posts: [1000, 1000] },
];

/**
 * The profiles of a fleet of `count` sites, the same for the same `seed`. Languages go round in
 * turn and every fourth site (from the second) overrides a component, so that a small fleet has
 * each kind; the rest is drawn. `maxPosts` caps the news added to any one site (a test's small
 * fleet); the first site of a fleet of four or more has the most (so a benchmark always has a
 * large site).
 * @param {{ count: number, seed?: string, maxPosts?: number }} options
 * @returns {SiteProfile[]}
 */
export function fleetProfiles({ count, seed = 'fleet', maxPosts = 1000 }) {
  const taken = new Set();
  return Array.from({ length: count }, (_, index) => {
    const site = createRandom(`${seed}-${index}`);
    let base = `${site.pick(PLACES)}-${site.pick(KINDS)}`;
    while (taken.has(base)) base = `${site.pick(PLACES)}-${site.pick(KINDS)}-${index + 1}`;
    taken.add(base);
    const size = index === 0 && count >= 4 ? SIZES[SIZES.length - 1] : drawSize(site.next());
    const posts = Math.min(maxPosts, site.int(size.posts[0], size.posts[1]));
    const colours = site.pick(COLOURS);
    return {
      name: base,
      title: base
        .split('-')
        .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
        .join(' '),
      languages: LANGUAGES[index % LANGUAGES.length],
      features: { albums: site.chance(0.5), people: site.chance(0.6), projects: site.chance(0.5), resources: site.chance(0.5) },
      colours,
      fonts: { heading: site.pick(FONTS), body: site.pick(FONTS) },
      timeZone: site.pick(TIME_ZONES),
      override: index % 4 === 1,
      posts,
      events: Math.round(posts / 5),
      address: index % 3 === 2 ? { subpath: `/${base}/` } : { domain: `${base}.example.org` },
    };
  });
}

/** @param {number} draw a number in [0, 1) */
function drawSize(draw) {
  let total = 0;
  for (const size of SIZES) {
    total += size.share;
    if (draw < total) return size;
  }
  return SIZES[0];
}
