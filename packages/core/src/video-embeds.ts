/**
 * Video addresses an editor pastes (a YouTube, Vimeo or PeerTube page) turned into the address of
 * the provider's player. The player is loaded only when a visitor presses play, and from the
 * provider's privacy-friendly host: youtube-nocookie.com, and Vimeo with `dnt=1` (do not track).
 */

export type VideoProvider = 'youtube' | 'vimeo' | 'peertube';

export interface VideoEmbed {
  provider: VideoProvider;
  /** The player's address, for the iframe. */
  embedUrl: string;
  /** The origin the player is loaded from (a request to it must wait for the click). */
  origin: string;
}

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be', 'www.youtube-nocookie.com', 'youtube-nocookie.com']);
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);
// PeerTube ids: a UUID (/videos/watch/…) or its short form (/w/…), 22 base58 characters.
const PEERTUBE_PATH = /^\/(?:w|videos\/watch|videos\/embed)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[1-9A-HJ-NP-Za-km-z]{22})\/?$/;

/** Seconds from YouTube's `t` parameter (`90`, `90s`, `1m30s`), if any. */
function startSeconds(value: string | null): number | undefined {
  const match = value ? /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value) : null;
  if (!match || !value) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  const total = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  return total > 0 ? total : undefined;
}

function youtube(url: URL): VideoEmbed | undefined {
  const [first, second] = url.pathname.split('/').filter(Boolean);
  const id = url.hostname === 'youtu.be' ? first : first === 'watch' ? url.searchParams.get('v') : ['embed', 'shorts', 'live'].includes(first ?? '') ? second : undefined;
  if (!id || !YOUTUBE_ID.test(id)) return undefined;
  const start = startSeconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
  const origin = 'https://www.youtube-nocookie.com';
  return { provider: 'youtube', origin, embedUrl: `${origin}/embed/${id}${start ? `?start=${start}` : ''}` };
}

function vimeo(url: URL): VideoEmbed | undefined {
  const parts = url.pathname.split('/').filter(Boolean);
  const [id, hash] = url.hostname === 'player.vimeo.com' ? (parts[0] === 'video' ? parts.slice(1) : []) : parts;
  if (!id || !/^\d+$/.test(id)) return undefined;
  // An unlisted video's address carries its private hash, which the player needs.
  const privateHash = hash && /^[0-9a-f]+$/.test(hash) ? hash : url.searchParams.get('h');
  const origin = 'https://player.vimeo.com';
  return { provider: 'vimeo', origin, embedUrl: `${origin}/video/${id}?dnt=1${privateHash ? `&h=${privateHash}` : ''}` };
}

function peertube(url: URL): VideoEmbed | undefined {
  const id = PEERTUBE_PATH.exec(url.pathname)?.[1];
  if (!id) return undefined;
  return { provider: 'peertube', origin: url.origin, embedUrl: `${url.origin}/videos/embed/${id}` };
}

/**
 * The player of a YouTube, Vimeo or PeerTube video page, or undefined for any other address
 * (the schemas turn that into an error naming the field).
 */
export function videoEmbed(address: string): VideoEmbed | undefined {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.protocol = 'https:';
  const host = url.hostname.toLowerCase();
  if (YOUTUBE_HOSTS.has(host)) return youtube(url);
  if (VIMEO_HOSTS.has(host)) return vimeo(url);
  return peertube(url);
}
