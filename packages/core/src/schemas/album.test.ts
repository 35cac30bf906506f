import { describe, expect, it } from 'vitest';
import { problemsFromZodError } from '../problems.ts';
import { albumSchema } from './album.ts';

const schema = albumSchema();
const photos = [
  { src: '../../assets/albums/stalls.jpg', alt: 'Stalls at the fair' },
  { src: '../../assets/albums/band.jpg', alt: 'The band on stage', caption: 'Photo: Sam' },
];
const album = (extra: Record<string, unknown> = {}) => schema.safeParse({ title: 'Spring fair', date: '2026-05-01', photos, ...extra });

describe('albumSchema', () => {
  it('parses a minimal album, with no videos and not a draft', () => {
    expect(album().data).toEqual({ title: 'Spring fair', date: new Date('2026-05-01T00:00:00Z'), photos, videos: [], draft: false });
  });

  it('wants at least one photo', () => {
    expect(album({ photos: [] }).error?.issues[0]).toMatchObject({ path: ['photos'], message: 'an album needs at least one photo' });
  });

  it('wants a description of every photo, naming the photo', () => {
    const result = album({ photos: [photos[0], { src: '../../assets/albums/band.jpg' }] });
    expect(result.error?.issues[0]).toMatchObject({ path: ['photos', 1, 'alt'], message: 'describe the photo in a few words for people who cannot see it' });
  });

  it('takes the cover as the number of one of its photos', () => {
    expect(album({ cover: 2 }).data?.cover).toBe(2);
    expect(album({ cover: 3 }).error?.issues[0]?.path).toEqual(['cover']);
    expect(album({ cover: 0 }).success).toBe(false);
  });

  it('accepts YouTube, Vimeo and PeerTube videos, each with a title', () => {
    const videos = [
      { url: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ', title: 'Highlights' },
      { url: 'https://vimeo.com/76979871', title: 'Speeches' },
      { url: 'https://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv', title: 'Music' },
    ];
    expect(album({ videos }).data?.videos).toEqual(videos);
    expect(album({ videos: [{ url: videos[0]!.url }] }).success).toBe(false);
  });

  it('refuses a video address it cannot play, with a fix that names the field and shows a good address', () => {
    const data = { title: 'Spring fair', date: '2026-05-01', photos, videos: [{ url: 'https://example.org/clip', title: 'Clip' }] };
    const result = schema.safeParse(data);
    const [problem] = problemsFromZodError(result.error!, schema, 'src/content/albums/spring-fair.md', data);
    expect(problem).toMatchObject({ file: 'src/content/albums/spring-fair.md', field: 'videos[0].url' });
    expect(problem?.message).toContain('not a YouTube, Vimeo or PeerTube video address');
    expect(`${problem?.message} ${problem?.fix}`).toContain('https://www.youtube.com/watch?v=aqz-KE-bpKQ');
  });

  it('rejects unknown keys, also inside a photo', () => {
    expect(album({ gallery: [] }).success).toBe(false);
    expect(album({ photos: [{ ...photos[0], credit: 'Sam' }] }).success).toBe(false);
  });

  it('reads fields the CMS writes cleared ("") as not given', () => {
    const result = album({ summary: '', cover: '', photos: [{ ...photos[0], caption: '' }], videos: [] });
    expect(result.success).toBe(true);
    expect(result.data).not.toHaveProperty('summary');
    expect(result.data?.photos[0]).not.toHaveProperty('caption');
  });
});
