import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { eventSchema } from '../../../packages/core/src/schemas/event.ts';
import { newsSchema } from '../../../packages/core/src/schemas/news.ts';
import { generateEvent, generatePost } from './posts.mjs';
import { hugoPage } from './sites.mjs';

const frontMatter = (markdown: string) => parse(/^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]);

describe('the corpus', () => {
  it('writes the same bytes every time', () => {
    expect(generatePost(7, { photoCount: 50 })).toEqual(generatePost(7, { photoCount: 50 }));
    expect(generateEvent(7, { photoCount: 50 })).toEqual(generateEvent(7, { photoCount: 50 }));
  });

  it('writes news posts and events that the kit’s schemas accept', () => {
    for (let index = 0; index < 40; index++) {
      const post = frontMatter(generatePost(index, { photoCount: 50 }).markdown);
      expect(newsSchema().safeParse(post).error).toBeUndefined();
      const { event, post: eventPost } = generateEvent(index, { photoCount: 50 });
      expect(eventSchema().safeParse(frontMatter(event)).error).toBeUndefined();
      expect(newsSchema().safeParse(frontMatter(eventPost)).error).toBeUndefined();
    }
  });

  it('gives an event and its news-post form the same title, text and image, the post tagged "events"', () => {
    const { event, post } = generateEvent(3, { photoCount: 50 });
    const [eventData, postData] = [frontMatter(event), frontMatter(post)];
    expect(postData.title).toBe(eventData.title);
    expect(postData.tags).toEqual(['events', ...eventData.tags]);
    expect(postData.cover).toEqual(eventData.image);
    expect(post.split('\n---\n')[1]).toBe(event.split('\n---\n')[1]);
  });
});

describe('the Hugo site’s pages', () => {
  it('puts a page with a parent under its parent’s address and home at the home page', () => {
    expect(hugoPage('our-board', '---\ntitle: Our board\nparent: about\n---\n\nText\n')).toEqual({
      file: 'our-board.md',
      markdown: '---\nurl: /about/our-board/\ntitle: Our board\nparent: about\n---\n\nText\n',
    });
    expect(hugoPage('home', '---\ntitle: Home\n---\n').file).toBe('_index.md');
    expect(hugoPage('about', '---\ntitle: About\n---\n').markdown).toBe('---\ntitle: About\n---\n');
  });
});
