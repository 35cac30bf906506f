import { defaultSchema, type Schema } from 'hast-util-sanitize';

/**
 * What body content may contain. Starts from GitHub's allow-list (no `<script>`, `<style>`,
 * `<iframe>`, event-handler or `style` attributes; links only to http(s), mailto and tel) and
 * adds the little a community site needs. Every address attribute is checked against the same
 * short list of protocols.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'mark', 'abbr', 'small'],
  attributes: {
    ...defaultSchema.attributes,
    abbr: ['title'],
    img: [...(defaultSchema.attributes?.img ?? []), 'loading', 'width', 'height'],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    // A `<source srcset>` (allowed in `<picture>`) is a list of addresses: each is checked like
    // `src`, so none can be `data:` or `javascript:`.
    srcSet: ['http', 'https'],
  },
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript'],
  // GitHub's schema prefixes every id (and `name`, `aria-describedby`, `aria-labelledby`) with
  // "user-content-" so that content cannot clobber the page's scripts' globals. remark-rehype
  // has already given footnotes that prefix, and their links point at the prefixed ids, so
  // prefixing again would break every footnote. The sanitiser therefore lets ids through as
  // written, and rehypeUserContentIds, run right after it, adds the prefix only where it is
  // missing. Clobbering itself cannot hurt: the pages ship no JavaScript for content to mislead.
  clobber: defaultSchema.clobber,
  clobberPrefix: '',
};
