import { describe, expect, it } from 'vitest';
import { readVideoAddress, videoEmbed, videoPlayerOrigins } from './video-embeds.ts';

const PEERTUBE = { peertube: ['framatube.org', 'tube.example.coop', 'peertube.example'] };

describe('videoEmbed', () => {
  it.each([
    ['https://www.youtube.com/watch?v=aqz-KE-bpKQ', 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ'],
    ['https://youtu.be/aqz-KE-bpKQ', 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ'],
    ['https://m.youtube.com/watch?v=aqz-KE-bpKQ&feature=share', 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ'],
    ['https://www.youtube.com/shorts/aqz-KE-bpKQ', 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ'],
    ['https://www.youtube.com/embed/aqz-KE-bpKQ', 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ'],
    ['https://youtu.be/aqz-KE-bpKQ?t=1m30s', 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?start=90'],
  ])('plays the YouTube video %s from youtube-nocookie.com', (url, embed) => {
    expect(videoEmbed(url)).toEqual({ provider: 'youtube', origin: 'https://www.youtube-nocookie.com', embedUrl: embed });
  });

  it.each([
    ['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
    ['https://vimeo.com/76979871/8a2c4f9e1b', 'https://player.vimeo.com/video/76979871?dnt=1&h=8a2c4f9e1b'],
    ['https://player.vimeo.com/video/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
  ])('plays the Vimeo video %s without tracking', (url, embed) => {
    expect(videoEmbed(url)).toEqual({ provider: 'vimeo', origin: 'https://player.vimeo.com', embedUrl: embed });
  });

  it.each([
    ['https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d', 'https://framatube.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d'],
    [
      'https://tube.example.coop/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d',
      'https://tube.example.coop/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d',
    ],
    ['https://peertube.example/w/kkGMgK9ZtnKfYAgnEtQxbv', 'https://peertube.example/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv'],
  ])('plays the PeerTube video %s from its own instance', (url, embed) => {
    expect(videoEmbed(url, PEERTUBE)).toMatchObject({ provider: 'peertube', embedUrl: embed });
  });

  it.each([
    'https://example.org/some/page',
    'https://www.youtube.com/channel/UC123',
    'https://www.youtube.com/watch?v=short',
    'https://vimeo.com/channels/staffpicks',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('refuses %j, which is no video page it knows', (url) => {
    expect(videoEmbed(url)).toBeUndefined();
  });

  it('plays PeerTube videos only from the instances the settings list, and says how to add one', () => {
    const address = 'https://evil.example/w/kkGMgK9ZtnKfYAgnEtQxbv';
    expect(videoEmbed(address)).toBeUndefined();
    expect(videoEmbed(address, PEERTUBE)).toBeUndefined();
    const result = readVideoAddress(address, PEERTUBE);
    expect(result).toMatchObject({ ok: false, peertubeHost: 'evil.example' });
    expect(!result.ok && result.reason).toContain('add "evil.example" to videos.peertube');
    expect(videoEmbed(address, { peertube: 'any' })?.embedUrl).toBe('https://evil.example/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv');
  });

  it('builds the PeerTube player from the listed host, never from credentials or a query in the address', () => {
    expect(videoEmbed('https://framatube.org@evil.example/w/kkGMgK9ZtnKfYAgnEtQxbv', PEERTUBE)).toBeUndefined();
    expect(videoEmbed('https://x:y@framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv', PEERTUBE)).toBeUndefined();
    expect(videoEmbed('https://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv?api=1&warningTitle=0', PEERTUBE)).toBeUndefined();
    expect(videoEmbed('http://FRAMATUBE.org/w/kkGMgK9ZtnKfYAgnEtQxbv', PEERTUBE)?.embedUrl).toBe('https://framatube.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv');
  });

  it.each([
    'https://vimeo.com/76979871?h=8a2c4f9e1b%26autoplay%3D0',
    'https://vimeo.com/76979871?h=8a2c4f9e1b&h=x',
    'https://vimeo.com/76979871?h=abc"onload',
    'https://vimeo.com/76979871/not-hex',
    'https://player.vimeo.com/video/76979871?h=1%23x',
  ])('refuses the Vimeo address %s, whose private hash is not hex', (url) => {
    const result = readVideoAddress(url);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('Vimeo hash');
  });

  it('takes a valid Vimeo hash from the query and keeps dnt=1 as the only other parameter', () => {
    expect(videoEmbed('https://vimeo.com/76979871?h=8a2c4f9e1b&autoplay=1&dnt=0')?.embedUrl).toBe('https://player.vimeo.com/video/76979871?dnt=1&h=8a2c4f9e1b');
  });

  it('keeps only a number from a YouTube start time', () => {
    expect(videoEmbed('https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=10%26autoplay%3D0')?.embedUrl).toBe('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ');
    expect(videoEmbed('https://www.youtube.com/watch?v=aqz-KE-bpKQ&list=x&origin=evil')?.embedUrl).toBe('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ');
  });

  it('lists the player origins a page may frame', () => {
    expect(videoPlayerOrigins({ peertube: ['Tube.Example.org'] })).toEqual([
      'https://www.youtube-nocookie.com',
      'https://player.vimeo.com',
      'https://tube.example.org',
    ]);
    expect(videoPlayerOrigins({ peertube: 'any' })).toEqual(['https://www.youtube-nocookie.com', 'https://player.vimeo.com']);
  });
});
