/** Albums as routes and theme components use them. */
import type { CollectionEntry } from 'astro:content';
import type { Locale } from '@openoutreach/core';
import type { AlbumCardProps, AlbumLayoutProps } from '../contract.ts';
import config from 'virtual:openoutreach/config';
import { getLocalizedEntries } from './entries.ts';
import { defaultLocale, localePrefix } from './locale.ts';
import { entryPath, joinBase } from './urls.ts';

export type AlbumEntry = CollectionEntry<'albums'> & { slug: string };

/** Published albums in one language, newest first. */
export async function getAlbums(locale: Locale = defaultLocale): Promise<AlbumEntry[]> {
  if (!config.features.albums) return [];
  const entries = await getLocalizedEntries('albums', locale);
  return entries.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.slug.localeCompare(b.slug));
}

export const albumHref = (slug: string, locale: Locale = defaultLocale) => joinBase(config.base, `${localePrefix(locale)}${entryPath('albums', slug)}`);

/** What an album's card in the list shows: its cover photo (the first unless chosen) and count. */
export function albumCard(entry: AlbumEntry, locale: Locale = defaultLocale): AlbumCardProps {
  const { title, date, summary, photos, cover } = entry.data;
  const photo = photos[(cover ?? 1) - 1] ?? photos[0]!;
  return { title, date, summary, href: albumHref(entry.slug, locale), cover: { src: photo.src, alt: photo.alt }, photoCount: photos.length };
}

export function albumView(entry: AlbumEntry): AlbumLayoutProps['album'] {
  const { title, date, summary, photos, videos } = entry.data;
  return { title, date, summary, photos, videos };
}
