/** The home page and its blocks. */
import type { GoalView, PageData } from '@openoutreach/core';
import type { EventCardProps } from './events.ts';
import type { NewsCardProps } from './news.ts';
import type { ProjectCardProps } from './people-projects-resources.ts';
import type { HeroProps, ImageWithAlt, Link } from './shell.ts';

export interface HomeLayoutProps {
  page: Omit<PageData, 'hero' | 'blocks'> & { hero?: ImageWithAlt | undefined };
  latestNews: NewsCardProps[];
  /** The next few events, soonest first; empty when the site has none or events are off. */
  upcomingEvents: EventCardProps[];
  /**
   * The blocks the home page chose, in order (runtime `homeBlocks()`). When given, the page is
   * made of them, the body coming after the hero, and `latestNews`/`upcomingEvents` are unused.
   */
  blocks?: HomeBlockView[] | undefined;
}

/**
 * One block of the home page, ready to show. `id` is unique on the page, for the heading that
 * labels the block's section. Headings are level 2 (the hero's is the page's level 1).
 */
export type HomeBlockView = { id: string } & (
  | { type: 'hero'; hero: HeroProps }
  | { type: 'call-to-action'; heading: string; text?: string | undefined; action: Link }
  | { type: 'latest-news'; heading: string; posts: NewsCardProps[]; more: Link }
  | { type: 'upcoming-events'; heading: string; events: EventCardProps[]; more: Link }
  | { type: 'featured-projects'; heading: string; projects: ProjectCardProps[]; more: Link }
  | { type: 'figures'; heading?: string | undefined; items: { value: string; label: string }[] }
  /** `html` is the block's Markdown, rendered and sanitised like a page's body. */
  | { type: 'text-with-image'; heading?: string | undefined; html: string; image: ImageWithAlt; imageSide: 'left' | 'right' }
  | { type: 'donate'; heading: string; text?: string | undefined; action: Link; goal?: GoalView | undefined }
);

/** The home page's blocks, in order; blocks with nothing to show (no upcoming events) are left out. */
export interface HomeBlocksProps {
  blocks: HomeBlockView[];
}
