import { getCollection } from 'astro:content';

/** News posts, newest first. */
export async function getNews() {
  const posts = await getCollection('news');
  return posts.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
}

export const tagSlug = (tag: string) => tag.toLowerCase().replace(/[^a-z0-9]+/g, '-');
