import { defaultSchema, type Schema } from 'hast-util-sanitize';

/**
 * What body content may contain. Starts from GitHub's allow-list (no `<script>`, `<style>`,
 * `<iframe>`, event-handler or `style` attributes; links only to http(s), mailto and tel) and
 * adds the little a community site needs.
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
  },
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript'],
};
