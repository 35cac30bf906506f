/** News posts, their cards and lists. */
import type { NewsData } from '@openoutreach/core';
import type { ImageWithAlt, Link } from './shell.ts';

export interface NewsPostLayoutProps {
  post: Omit<NewsData, 'cover'> & { cover?: ImageWithAlt | undefined };
  path: string;
  tags: Link[];
  /** The author's page, when the post's `person` names one of the site's people (runtime `personLink()`). */
  authorLink?: Link | undefined;
}

export interface NewsCardProps {
  title: string;
  href: string;
  date: Date;
  summary?: string | undefined;
  author?: string | undefined;
  cover?: ImageWithAlt | undefined;
  /** Heading level of the card's title, so the outline stays correct where the card is used. */
  headingLevel?: 2 | 3;
}

export interface NewsListProps {
  posts: NewsCardProps[];
  headingLevel?: 2 | 3;
}
