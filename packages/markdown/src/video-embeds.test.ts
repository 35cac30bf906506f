import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './index.ts';
import { VIDEO_PLAYER_SCRIPT } from './video-embeds.ts';

const resolve = (href: string) =>
  href.startsWith('https://www.youtube.com/watch?v=')
    ? { embedUrl: `https://www.youtube-nocookie.com/embed/${href.slice(32)}`, provider: 'youtube' }
    : undefined;
const render = (markdown: string) => renderMarkdown(markdown, { videoEmbeds: { resolve } });

describe('rehypeVideoEmbeds', () => {
  it('turns a paragraph holding only a video link into a play button, the link kept, and adds the player script once', async () => {
    const html = await render('Intro.\n\nhttps://www.youtube.com/watch?v=aqz-KE-bpKQ\n\n[Our fair](https://www.youtube.com/watch?v=aqz-KE-bpKQ)\n');
    expect(html).toContain(
      '<button type="button" class="video-embed__play" data-embed-src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ" data-embed-title="Video on YouTube">',
    );
    expect(html).toContain('<span class="video-embed__label">Play video: Our fair</span>');
    expect(html).toMatch(
      /<figcaption class="video-embed__caption"><a href="https:\/\/www\.youtube\.com\/watch\?v=aqz-KE-bpKQ" rel="external noopener noreferrer" class="oo-external">Our fair/,
    );
    expect(html).not.toContain('<iframe');
    expect(html.match(/<script type="module">/g)).toHaveLength(1);
  });

  it('leaves a video link inside a sentence, and links to other sites, as links', async () => {
    const html = await render('Watch https://www.youtube.com/watch?v=aqz-KE-bpKQ today.\n\nhttps://example.org/clip\n');
    expect(html).not.toContain('video-embed');
    expect(html).not.toContain('<script');
  });

  it('never trusts an author’s own button, script or data attributes', async () => {
    const html = await render('<button data-embed-src="https://evil.example/">x</button>\n\n<script>alert(1)</script>\n');
    expect(html).not.toContain('data-embed-src');
    expect(html).not.toContain('<script');
  });

  it('escapes a title written in the link', async () => {
    const html = await render('[<img src=x onerror=alert(1)>Tom & "Jerry" \\<b>](https://www.youtube.com/watch?v=aqz-KE-bpKQ)\n');
    expect(html).not.toContain('onerror');
    expect(html).toContain('data-embed-title="Tom &#x26; &#x22;Jerry&#x22; <b>"');
    expect(html).toContain('Play video: Tom &#x26; "Jerry" &#x3C;b>');
  });

  it('is off unless the site passes a resolver', async () => {
    expect(await renderMarkdown('https://www.youtube.com/watch?v=aqz-KE-bpKQ\n')).not.toContain('video-embed');
  });

  it('keeps $ sequences in a title as written', async () => {
    const html = await render("[Costs $& savings $' $`](https://www.youtube.com/watch?v=aqz-KE-bpKQ)\n");
    expect(html).toContain("Play video: Costs $&#x26; savings $' $`</span>");
  });

  it('gives the player a sandbox with the fewest permissions that play, and only an https player', () => {
    expect(VIDEO_PLAYER_SCRIPT).toContain("player.setAttribute('sandbox','allow-scripts allow-same-origin allow-presentation')");
    expect(VIDEO_PLAYER_SCRIPT).toContain("player.allow='autoplay; fullscreen; picture-in-picture'");
    expect(VIDEO_PLAYER_SCRIPT).toContain("if(src.protocol!=='https:')return;");
    expect(VIDEO_PLAYER_SCRIPT).not.toMatch(/allow-(popups|top-navigation|forms|modals|downloads)/);
  });
});
