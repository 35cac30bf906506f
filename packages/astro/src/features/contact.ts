import type { Feature } from './types.ts';

export const contact: Feature = {
  name: 'contact',
  description: 'The contact page and its form (/contact/): published when the settings have `forms.contact`; false hides it.',
  default: true,
  collections: [],
  routes: [
    { pattern: '/contact', entrypoint: 'contact.astro', pageType: 'contact' },
    { pattern: '/contact/thanks', entrypoint: 'contact-thanks.astro', pageType: 'contact-thanks' },
  ],
  lists: ['/contact/', '/contact/thanks/'],
};
