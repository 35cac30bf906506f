import { readVideoAddress, type Problem, type VideoHosts } from '@openoutreach/core';
import { contentFiles, type SiteContent } from './read-content.ts';

/**
 * Albums' PeerTube videos on an instance the settings do not list. The album schema cannot know
 * the settings, so it accepts a PeerTube address on any host; the site plays videos only from
 * the instances in `videos.peertube`, which its Content-Security-Policy names. Files the content
 * check refuses are left to it.
 */
export function videoHostProblems(content: SiteContent, hosts: VideoHosts, settingsFile: string): Problem[] {
  const problems: Problem[] = [];
  for (const { file, parsed } of contentFiles(content, 'albums')) {
    const videos = parsed?.ok ? parsed.data['videos'] : undefined;
    if (!Array.isArray(videos)) continue;
    videos.forEach((video: unknown, index) => {
      const url = typeof video === 'object' && video !== null ? (video as Record<string, unknown>)['url'] : undefined;
      if (typeof url !== 'string') return;
      const result = readVideoAddress(url, hosts);
      if (result.ok || !result.peertubeHost) return;
      problems.push({
        file,
        field: `videos[${index}].url`,
        message: `${result.peertubeHost} is not one of the PeerTube instances this site plays videos from`,
        fix: `if you trust that instance, add "${result.peertubeHost}" under videos: peertube: in ${settingsFile}; otherwise put a link to the video in the album's text instead.`,
      });
    });
  }
  return problems;
}

// A line holding only an address, bare, in <…> or as a Markdown link: what becomes a player.
const SOLE_LINK_LINE = /^\s*(?:<?(https?:\/\/[^\s<>]+)>?|\[[^\]]*\]\((https?:\/\/[^\s)]+)\))\s*$/;

/**
 * Lines of Markdown bodies that would play a PeerTube video but for its instance, which the
 * settings do not list: such a line stays a plain link, and the integration warns about it.
 */
export function markdownVideoHostProblems(content: SiteContent, hosts: VideoHosts, settingsFile: string): Problem[] {
  const problems: Problem[] = [];
  for (const collection of content.collections) {
    for (const { file, parsed } of contentFiles(content, collection)) {
      if (!parsed?.ok) continue;
      for (const line of parsed.body.split('\n')) {
        const match = SOLE_LINK_LINE.exec(line);
        const url = match?.[1] ?? match?.[2];
        const result = url ? readVideoAddress(url, hosts) : undefined;
        if (!result || result.ok || !result.peertubeHost) continue;
        problems.push({
          file,
          field: 'text',
          message: `the video ${url} stays a link: ${result.peertubeHost} is not one of the PeerTube instances this site plays videos from`,
          fix: `if you trust that instance, add "${result.peertubeHost}" under videos: peertube: in ${settingsFile}.`,
        });
      }
    }
  }
  return problems;
}
