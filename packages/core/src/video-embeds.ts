/**
 * Video addresses an editor pastes (a YouTube, Vimeo or PeerTube page) turned into the address of
 * the provider's player. The player is loaded only when a visitor presses play, and from the
 * provider's privacy-friendly host: youtube-nocookie.com, and Vimeo with `dnt=1` (do not track).
 *
 * The player's address is built from parts that each pass a strict pattern (an id, a start time,
 * a private hash), never copied from the address given, so nothing an editor writes can add a
 * query parameter or lead the player elsewhere. PeerTube videos play only from the instances the
 * site's settings list (`videos.peertube`): every instance is a different host, which the
 * Content-Security-Policy must name.
 */

export type VideoProvider = 'youtube' | 'vimeo' | 'peertube';

export interface VideoEmbed {
  provider: VideoProvider;
  /** The player's address, for the iframe. */
  embedUrl: string;
  /** The origin the player is loaded from (a request to it must wait for the click). */
  origin: string;
}

/** The video hosts a site accepts besides YouTube and Vimeo. */
export interface VideoHosts {
  /**
   * Host names of the PeerTube instances the site plays videos from (`tube.example.org`), or
   * `'any'` to accept the shape of a PeerTube address on any host (for a check that cannot know
   * the site's settings; the integration then checks the host).
   */
  peertube?: readonly string[] | 'any';
}

/** The player of a video address, or why there is none (a sentence for editors). */
export type VideoAddress = { ok: true; embed: VideoEmbed } | { ok: false; reason: string; peertubeHost?: string };

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be', 'www.youtube-nocookie.com', 'youtube-nocookie.com']);
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);
const VIMEO_ID = /^\d{1,15}$/;
// An unlisted Vimeo video's private hash: hex only, so it cannot carry `&` or `#`.
const VIMEO_HASH = /^[0-9a-f]{6,32}$/;
// PeerTube ids: a UUID (/videos/watch/…) or its short form (/w/…), 22 base58 characters.
const PEERTUBE_PATH = /^\/(?:w|videos\/watch|videos\/embed)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[1-9A-HJ-NP-Za-km-z]{22})\/?$/;
/** A host name, optionally with a port, as the settings list PeerTube instances. */
export const VIDEO_HOST_NAME = /^(?=.{1,253}(?::\d{1,5})?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+(?::\d{1,5})?$/;

export const YOUTUBE_PLAYER_ORIGIN = 'https://www.youtube-nocookie.com';
export const VIMEO_PLAYER_ORIGIN = 'https://player.vimeo.com';

const NOT_A_VIDEO =
  'this is not a YouTube, Vimeo or PeerTube video address; copy the address of the video page, e.g. https://www.youtube.com/watch?v=aqz-KE-bpKQ';
const refused = (reason: string): VideoAddress => ({ ok: false, reason });

/** Seconds from YouTube's `t` parameter (`90`, `90s`, `1m30s`), if any. */
function startSeconds(value: string | null): number | undefined {
  const match = value ? /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s?)?$/.exec(value) : null;
  if (!match || !value) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  const total = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  return total > 0 ? total : undefined;
}

function youtube(url: URL): VideoAddress {
  const [first, second] = url.pathname.split('/').filter(Boolean);
  const id =
    url.hostname === 'youtu.be'
      ? first
      : first === 'watch'
        ? url.searchParams.get('v')
        : ['embed', 'shorts', 'live'].includes(first ?? '')
          ? second
          : undefined;
  if (!id || !YOUTUBE_ID.test(id)) return refused(NOT_A_VIDEO);
  const player = new URL(`/embed/${id}`, YOUTUBE_PLAYER_ORIGIN);
  const start = startSeconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
  if (start) player.searchParams.set('start', String(start));
  return { ok: true, embed: { provider: 'youtube', origin: YOUTUBE_PLAYER_ORIGIN, embedUrl: player.href } };
}

function vimeo(url: URL): VideoAddress {
  const parts = url.pathname.split('/').filter(Boolean);
  const [id, pathHash, ...rest] = url.hostname === 'player.vimeo.com' ? (parts[0] === 'video' ? parts.slice(1) : []) : parts;
  if (!id || !VIMEO_ID.test(id) || rest.length) return refused(NOT_A_VIDEO);
  // An unlisted video's address carries its private hash, which the player needs.
  const queryHashes = url.searchParams.getAll('h');
  // Two `h` parameters are one too many to know which the player would read: refused as not hex.
  const privateHash = pathHash ?? (queryHashes.length > 1 ? queryHashes.join('&') : (queryHashes[0] ?? null));
  if (privateHash !== null && !VIMEO_HASH.test(privateHash)) {
    return refused(
      'the private part of this Vimeo address is not a Vimeo hash (letters a-f and digits only); copy the address again from Vimeo’s “Share” button',
    );
  }
  const player = new URL(`/video/${id}`, VIMEO_PLAYER_ORIGIN);
  player.searchParams.set('dnt', '1');
  if (privateHash) player.searchParams.set('h', privateHash);
  return { ok: true, embed: { provider: 'vimeo', origin: VIMEO_PLAYER_ORIGIN, embedUrl: player.href } };
}

function peertube(url: URL, instances: VideoHosts['peertube']): VideoAddress {
  const id = PEERTUBE_PATH.exec(url.pathname)?.[1];
  if (!id || url.search || url.username || url.password) return refused(NOT_A_VIDEO);
  const host = url.host.toLowerCase();
  const listed = instances === 'any' || (instances ?? []).some((instance) => instance.toLowerCase() === host);
  if (!listed) {
    return {
      ok: false,
      peertubeHost: host,
      reason: `${host} is not one of the PeerTube instances this site plays videos from; add "${host}" to videos.peertube in the site's settings, or link to the video instead`,
    };
  }
  const origin = `https://${host}`;
  return { ok: true, embed: { provider: 'peertube', origin, embedUrl: new URL(`/videos/embed/${id}`, origin).href } };
}

/**
 * Reads the address of a YouTube, Vimeo or PeerTube video page: its player, or the reason there
 * is none, worded for the editor who wrote it. PeerTube addresses play only from `hosts.peertube`.
 */
export function readVideoAddress(address: string, hosts: VideoHosts = {}): VideoAddress {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return refused(NOT_A_VIDEO);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refused(NOT_A_VIDEO);
  const host = url.hostname.toLowerCase();
  if (YOUTUBE_HOSTS.has(host)) return youtube(url);
  if (VIMEO_HOSTS.has(host)) return vimeo(url);
  return peertube(url, hosts.peertube);
}

/**
 * The player of a YouTube, Vimeo or PeerTube video page, or undefined for any other address and
 * for PeerTube instances not in `hosts.peertube` (the schemas turn that into an error naming the
 * field).
 */
export function videoEmbed(address: string, hosts: VideoHosts = {}): VideoEmbed | undefined {
  const result = readVideoAddress(address, hosts);
  return result.ok ? result.embed : undefined;
}

/** The origins a page may frame players from: YouTube's, Vimeo's and each listed PeerTube instance. */
export function videoPlayerOrigins(hosts: VideoHosts = {}): string[] {
  const peertube = Array.isArray(hosts.peertube) ? hosts.peertube : [];
  return [YOUTUBE_PLAYER_ORIGIN, VIMEO_PLAYER_ORIGIN, ...peertube.map((host) => `https://${host.toLowerCase()}`)];
}
