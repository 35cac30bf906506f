import { describe, expect, it } from 'vitest';
import { videoEmbed } from './video-embeds.ts';

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
    ['https://tube.example.coop/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d', 'https://tube.example.coop/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d'],
    ['https://peertube.example/w/kkGMgK9ZtnKfYAgnEtQxbv', 'https://peertube.example/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv'],
  ])('plays the PeerTube video %s from its own instance', (url, embed) => {
    expect(videoEmbed(url)).toMatchObject({ provider: 'peertube', embedUrl: embed });
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
});
