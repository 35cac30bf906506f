import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, plainText, type BodyLinks } from './html-to-markdown.ts';

function links(): BodyLinks & { problems: string[]; alts: string[] } {
  const problems: string[] = [];
  const alts: string[] = [];
  return {
    problems,
    alts,
    image: ({ src, fid }) => {
      if (fid === 12 || src?.includes('/files/styles/large/public/images/fair.jpg')) return { src: '../../assets/images/fair.jpg', alt: 'Stalls at the fair' };
      if (fid === 13) return { src: '../../assets/images/plain.jpg' };
      return `image ${src ?? fid} is not in the files folder`;
    },
    link: (href) =>
      href === '/node/3'
        ? { href: '/news/fair/' }
        : href.startsWith('https://') || href.startsWith('mailto:')
          ? { href }
          : `link to ${href} leads to nothing imported`,
    problem: (message) => problems.push(message),
    missingAlt: (src) => alts.push(src),
  };
}

describe('htmlToMarkdown', () => {
  it('keeps the text, headings, lists, emphasis and tables as Markdown', () => {
    const markdown = htmlToMarkdown(
      '<h2>Plan</h2><p>We <strong>meet</strong> on <em>Tuesdays</em>.</p><ul><li>one</li><li>two</li></ul><table><tr><th>a</th></tr><tr><td>b</td></tr></table>',
      links(),
    );
    expect(markdown).toBe('## Plan\n\nWe **meet** on _Tuesdays_.\n\n- one\n- two\n\n| a |\n| - |\n| b |');
  });

  it('drops scripts, styles, inline styles and event handlers', () => {
    const markdown = htmlToMarkdown(
      '<style>p{color:red}</style><p style="color:red" onclick="alert(1)">Hello<script>alert(1)</script></p><iframe src="https://evil.example/x"></iframe>',
      links(),
    );
    expect(markdown).toBe('Hello');
  });

  it('rewrites images and media tokens to the copied files, and reports missing files and alt text', () => {
    const context = links();
    const markdown = htmlToMarkdown(
      '<p><img src="/sites/default/files/styles/large/public/images/fair.jpg?itok=x"> [[{"type":"media","fid":"13","attributes":{"class":"media-element"}}]] <img src="/sites/default/files/gone.jpg" alt="gone"></p>',
      context,
    );
    expect(markdown).toBe('![Stalls at the fair](../../assets/images/fair.jpg) ![](../../assets/images/plain.jpg)');
    expect(context.problems).toEqual(['image /sites/default/files/gone.jpg is not in the files folder']);
    expect(context.alts).toEqual(['../../assets/images/plain.jpg']);
  });

  it('rewrites links to the new addresses and keeps the text of links that lead nowhere', () => {
    const context = links();
    expect(
      htmlToMarkdown('<p>See <a href="/node/3">the fair</a>, <a href="/node/99">old page</a> and <a href="mailto:a@example.org">mail</a>.</p>', context),
    ).toBe('See [the fair](/news/fair/), old page and [mail](mailto:a@example.org).');
    expect(context.problems).toEqual(['link to /node/99 leads to nothing imported']);
  });

  it('turns an embedded YouTube or Vimeo player into a link to the video', () => {
    expect(htmlToMarkdown('<iframe src="//www.youtube.com/embed/aqz-KE-bpKQ"></iframe>', links())).toBe('<https://www.youtube.com/watch?v=aqz-KE-bpKQ>');
  });
});

describe('plainText', () => {
  it('reads entities and collapses white space', () => {
    expect(plainText('<p>Caf&eacute; <b>night</b></p>\n<p>Bring   a friend</p>')).toBe('Café night Bring a friend');
  });
});
