/**
 * The home page's blocks as the theme receives them: each block's news, events and projects in
 * the page's language, links with the base path and language prefix, Markdown rendered safely.
 */
import type { HomeBlockView, ImageWithAlt, Link } from '../contract.ts';
import type { Locale, PageData } from '@openoutreach/core';
import { renderMarkdown } from '@openoutreach/markdown';
import { config, getNews, newsCard, type PageEntry } from './index.ts';
import { eventCard, getUpcomingEvents } from './events.ts';
import { donatePage } from './forms.ts';
import { localeContext } from './locale.ts';
import { getProjects, projectCard } from './projects.ts';
import { localizedHref } from './site-paths.ts';
import { pagePath } from './urls.ts';

type Block = NonNullable<PageData['blocks']>[number];
type ImageOf<T> = Omit<T, 'image'> & { image: ImageWithAlt };

/**
 * A link an editor wrote: paths of the site get the base path, and the page's language where it
 * has that page. A link to a post or event not published yet gives nothing: the button waits.
 */
async function siteLink(label: string, href: string, locale: Locale): Promise<Link | undefined> {
  const localized = await localizedHref(href, locale);
  return localized ? { label, href: localized } : undefined;
}

async function blockView(block: Block, id: string, page: PageEntry, locale: Locale): Promise<HomeBlockView | undefined> {
  const { t, url } = localeContext(locale);
  switch (block.type) {
    case 'hero':
      return {
        id,
        type: 'hero',
        hero: {
          title: block.title ?? page.data.title,
          text: block.text ?? page.data.summary,
          image: (block.image ?? page.data.hero) as ImageWithAlt | undefined,
          action: block.action && (await siteLink(block.action.label, block.action.href, locale)),
        },
      };
    case 'call-to-action': {
      const action = await siteLink(block.label, block.href, locale);
      return action && { id, type: 'call-to-action', heading: block.heading, text: block.text, action };
    }
    case 'latest-news': {
      const posts = (await getNews(locale)).slice(0, block.count).map((entry) => newsCard(entry, locale));
      return posts.length
        ? { id, type: 'latest-news', heading: block.heading ?? t('news.latest'), posts, more: { label: t('news.all'), href: url(pagePath('news-index')) } }
        : undefined;
    }
    case 'upcoming-events': {
      const events = (await getUpcomingEvents(locale)).slice(0, block.count).map(eventCard);
      return events.length
        ? {
            id,
            type: 'upcoming-events',
            heading: block.heading ?? t('events.upcoming'),
            events,
            more: { label: t('events.all'), href: url(pagePath('events-index')) },
          }
        : undefined;
    }
    case 'featured-projects': {
      // A project not translated into this language is left out of its home page.
      const bySlug = new Map((await getProjects(locale)).map((entry) => [entry.slug, entry]));
      const projects = block.projects.flatMap((slug) => {
        const entry = bySlug.get(slug);
        return entry ? [projectCard(entry, locale)] : [];
      });
      return projects.length
        ? {
            id,
            type: 'featured-projects',
            heading: block.heading ?? t('home.projects'),
            projects,
            more: { label: t('projects.all'), href: url(pagePath('projects-index')) },
          }
        : undefined;
    }
    case 'figures':
      return { id, type: 'figures', heading: block.heading, items: block.items };
    case 'text-with-image': {
      const html = await renderMarkdown(block.text, {
        site: config.site,
        base: config.base,
        externalLinks: { label: t('links.external') },
        headingAnchors: { label: t('links.section') },
      });
      const { image, imageSide, heading } = block as ImageOf<typeof block>;
      return { id, type: 'text-with-image', heading, html, image, imageSide };
    }
    case 'donate': {
      const giving = config.features.giving ? donatePage(locale) : undefined;
      if (!giving) return undefined;
      return {
        id,
        type: 'donate',
        heading: block.heading ?? t('home.donate'),
        text: block.text ?? giving.intro,
        action: { label: block.label ?? t('giving.title'), href: url(pagePath('donate')) },
        goal: giving.goal,
      };
    }
  }
}

/**
 * The blocks of a home page in one language, in the editor's order, or undefined when the page
 * has none (the standard home page). Blocks with nothing to show are left out.
 */
export async function homeBlocks(page: PageEntry, locale: Locale): Promise<HomeBlockView[] | undefined> {
  const blocks = page.data.blocks as Block[] | undefined;
  if (!blocks?.length) return undefined;
  const views = await Promise.all(blocks.map((block, index) => blockView(block, `home-block-${index + 1}`, page, locale)));
  return views.filter((view) => view !== undefined);
}
