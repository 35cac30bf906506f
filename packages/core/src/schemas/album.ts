import { z } from 'zod';
import { readVideoAddress } from '../video-embeds.ts';
import { dateField, documented, draftField, type ImageFactory, imagePath, withoutBlanks } from './fields.ts';

const DESCRIBE = 'describe the photo in a few words for people who cannot see it';

/** One photo of an album: the image, its description and an optional caption. */
const photo = (image: ImageFactory) =>
  z.strictObject({
    src: documented(image(), {
      title: 'Photo',
      description: 'Upload a photo (JPEG, PNG, WebP, AVIF or GIF) or pick one from the media library. An SVG drawing is refused here.',
      examples: ['../../assets/albums/fair-stalls.jpg'],
      cms: { widget: 'image' },
    }),
    alt: documented(z.string({ error: DESCRIBE }).trim().min(1, { error: DESCRIBE }), {
      title: 'Photo description (alt text)',
      description: 'Describe what the photo shows for people who use a screen reader, e.g. "Children painting a mural".',
      examples: ['Children painting a mural on the library wall'],
    }),
    caption: documented(z.string().trim().optional(), {
      title: 'Caption',
      description: 'Shown under the photo when it is opened: who, where, or who took it.',
      examples: ['Photo: Sam Rivera'],
    }),
  });

/** A video hosted on YouTube, Vimeo or PeerTube, played only when a visitor asks for it. */
const video = z.strictObject({
  url: documented(
    z
      .string({ error: 'give the address of the video' })
      .trim()
      // The schema cannot know the site's settings, so it accepts a PeerTube address on any
      // host; the integration then refuses an instance that `videos.peertube` does not list.
      .superRefine((url, context) => {
        const result = readVideoAddress(url, { peertube: 'any' });
        if (!result.ok) context.addIssue({ code: 'custom', message: result.reason });
      }),
    {
      title: 'Video address',
      description:
        'The address of the video page on YouTube, Vimeo or PeerTube (an instance listed under “PeerTube instances” in the settings). Nothing is loaded from there until a visitor presses play.',
      examples: ['https://www.youtube.com/watch?v=aqz-KE-bpKQ'],
    },
  ),
  title: documented(z.string({ error: 'give the video a title, read out to people who use a screen reader' }).trim().min(1), {
    title: 'Video title',
    description: 'What the video is about, shown on its play button.',
    examples: ['Highlights of the spring fair'],
  }),
});

/** A photo album: photos with descriptions and captions, and videos, of one occasion. */
export function albumSchema({ image = imagePath }: { image?: ImageFactory } = {}) {
  return withoutBlanks(
    z
      .strictObject({
        title: documented(z.string({ error: 'every album needs a title' }).trim().min(1), {
          title: 'Title',
          description: 'The name of the album.',
          examples: ['Spring fair 2026'],
        }),
        date: documented(dateField(), {
          title: 'Date',
          description: 'When the photos were taken, as YYYY-MM-DD. Albums are listed newest first.',
          examples: ['2026-05-01'],
        }),
        summary: documented(z.string().trim().optional(), {
          title: 'Summary',
          description: 'One or two sentences shown in the list of albums and when shared.',
          examples: ['Photos of the stalls, the music and the bake sale.'],
          cms: { widget: 'text' },
        }),
        cover: documented(z.number().int().min(1, { error: 'photos are counted from 1' }).optional(), {
          title: 'Cover photo',
          description: 'The number of the photo shown in the list of albums (1 is the first). The first photo if left empty.',
          examples: [1],
        }),
        photos: documented(z.array(photo(image)).min(1, { error: 'an album needs at least one photo' }), {
          title: 'Photos',
          description: 'The photos of the album, in the order they are shown. Each needs a description.',
          examples: [[{ src: '../../assets/albums/fair-stalls.jpg', alt: 'Stalls at the spring fair', caption: 'Photo: Sam Rivera' }]],
        }),
        videos: documented(z.array(video).default([]), {
          title: 'Videos',
          description: 'Videos on YouTube, Vimeo or PeerTube shown after the photos.',
          examples: [[{ url: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ', title: 'Highlights of the spring fair' }]],
        }),
        draft: draftField(),
      })
      .refine((album) => album.cover === undefined || album.cover <= album.photos.length, {
        path: ['cover'],
        error: 'the cover is the number of one of the album’s photos; give a number from 1 to the number of photos, or leave it empty for the first',
      }),
  );
}

export type AlbumData = z.infer<ReturnType<typeof albumSchema>>;
export type AlbumInput = z.input<ReturnType<typeof albumSchema>>;
