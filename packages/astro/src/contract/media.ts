/** Albums, the photo viewer and video embeds. */
import type { ImageWithAlt } from './shell.ts';

/** A photo of an album, optimised, with its description and caption. */
export interface AlbumPhoto extends ImageWithAlt {
  caption?: string | undefined;
}

/**
 * A YouTube, Vimeo or PeerTube video that loads its player only when a visitor presses play.
 * Until then the page requests nothing from the video's host.
 */
export interface VideoEmbedProps {
  /** The address of the video's page, e.g. `https://www.youtube.com/watch?v=…`. */
  url: string;
  title: string;
  /** A still kept on this site; without one, a plain placeholder (never the host's thumbnail). */
  poster?: ImageWithAlt | undefined;
}

export interface AlbumCardProps {
  title: string;
  href: string;
  date: Date;
  summary?: string | undefined;
  cover: ImageWithAlt;
  photoCount: number;
}

export interface AlbumListProps {
  albums: AlbumCardProps[];
  headingLevel?: 2 | 3;
}

export interface AlbumLayoutProps {
  album: { title: string; date: Date; summary?: string | undefined; photos: AlbumPhoto[]; videos: VideoEmbedProps[] };
  path: string;
}

/**
 * Thumbnails, each a link to its photo at full size, so the gallery works without JavaScript;
 * the Lightbox enhances the links on a page that has one.
 */
export interface GalleryProps {
  photos: AlbumPhoto[];
}

/** The dialog that shows a gallery's photos one at a time, loaded on the first click on a thumbnail. */
export type LightboxProps = Record<string, never>;
