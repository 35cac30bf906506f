import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { labelIn, type Label } from './labels.ts';

export interface VideoEmbedOptions {
  /**
   * The player of a video page address, or undefined when the address is not a video the site
   * can play (the integration passes core's `videoEmbed()`).
   */
  resolve: (href: string) => { embedUrl: string; provider: string } | undefined;
  /** The play button's text; `{title}` is replaced by the video's title. */
  playLabel?: Label;
  /** The title of a video given as a bare address; `{provider}` is replaced by the host's name. */
  untitled?: Label;
}

const PROVIDER_NAMES: Record<string, string> = { youtube: 'YouTube', vimeo: 'Vimeo', peertube: 'PeerTube' };

/**
 * What the player's iframe may do, and no more. `allow-scripts` and `allow-same-origin` let the
 * player run and keep its own settings (it is on the host's origin, never the site's, so the pair
 * cannot lift the sandbox); `allow-presentation` lets it cast. No popups, forms, top navigation or
 * downloads: the link under the player leads to the video's page.
 */
export const VIDEO_PLAYER_SANDBOX = 'allow-scripts allow-same-origin allow-presentation';
/** The features the player is granted: start on the click that loaded it, full screen, picture in picture. */
export const VIDEO_PLAYER_ALLOW = 'autoplay; fullscreen; picture-in-picture';

/**
 * The click handler of the play buttons: the button gives way to the player's iframe, sandboxed.
 * One copy goes after the last video of a body; a second copy on the page (a theme's VideoEmbed)
 * does no harm, because a button already replaced is no longer in the document. Its hash is in
 * the site's Content-Security-Policy, so a change here changes the policy (the integration
 * computes it from this text).
 */
export const VIDEO_PLAYER_SCRIPT = `document.addEventListener('click',(event)=>{const button=event.target instanceof Element&&event.target.closest('[data-embed-src]');if(!button||!button.isConnected)return;const src=new URL(button.dataset.embedSrc);if(src.protocol!=='https:')return;src.searchParams.set('autoplay','1');const player=document.createElement('iframe');player.setAttribute('sandbox','${VIDEO_PLAYER_SANDBOX}');player.allow='${VIDEO_PLAYER_ALLOW}';player.allowFullscreen=true;player.referrerPolicy='strict-origin-when-cross-origin';player.title=button.dataset.embedTitle;player.src=src.href;button.replaceWith(player);player.focus();});`;

const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

/** The only link of a paragraph that holds nothing else (but white space). */
function soleLink(node: Element): Element | undefined {
  if (node.tagName !== 'p') return undefined;
  const children = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  const [only] = children;
  return children.length === 1 && only?.type === 'element' && only.tagName === 'a' ? only : undefined;
}

/**
 * Turns a paragraph that holds only a link to a YouTube, Vimeo or PeerTube video into a play
 * button that loads the player on click, with the link kept below it: the page requests nothing
 * from the video's host until the visitor asks. The link's text is the video's title, unless it
 * is the address itself. Runs after sanitising, so its button and script are the kit's own and
 * an author's markup can never produce them.
 */
export function rehypeVideoEmbeds(options: VideoEmbedOptions) {
  return (tree: Root, file: VFile) => {
    const playLabel = labelIn(options.playLabel ?? 'Play video: {title}', file);
    const untitled = labelIn(options.untitled ?? 'Video on {provider}', file);
    let embeds = 0;
    visit(tree, 'element', (node: Element, index, parent) => {
      const link = soleLink(node);
      const href = link?.properties.href;
      const embed = typeof href === 'string' ? options.resolve(href) : undefined;
      if (!link || !embed || typeof href !== 'string' || index === undefined || !parent) return;
      const provider = PROVIDER_NAMES[embed.provider] ?? embed.provider;
      const linkText = toString(link).trim();
      const title = linkText && linkText !== href ? linkText : untitled.replace('{provider}', () => provider);
      parent.children[index] = element('figure', { className: ['video-embed'] }, [
        element('div', { className: ['video-embed__frame'] }, [
          element('button', { type: 'button', className: ['video-embed__play'], dataEmbedSrc: embed.embedUrl, dataEmbedTitle: title }, [
            element('span', { className: ['video-embed__icon'], ariaHidden: 'true' }),
            element('span', { className: ['video-embed__label'] }, [text(playLabel.replace('{title}', () => title))]),
          ]),
        ]),
        element('figcaption', { className: ['video-embed__caption'] }, [element('a', { href }, [text(title)])]),
      ]);
      embeds += 1;
      return SKIP;
    });
    if (embeds) tree.children.push(element('script', { type: 'module' }, [text(VIDEO_PLAYER_SCRIPT)]));
  };
}
