import { z } from 'zod';
import { addressField, documented, HTTPS_KINDS } from './fields.ts';

/** The services a donate button can lead to; `other` is any page that takes donations. */
export const GIVING_PROVIDERS = ['liberapay', 'open-collective', 'paypal', 'stripe', 'other'] as const;
export type GivingProvider = (typeof GIVING_PROVIDERS)[number];

/**
 * The hosts each known service's donation pages live on, so a link pasted from the wrong place
 * (a profile on another site, a typo) stops the build. Stripe Payment Links may use the
 * group's own domain, so any https address is accepted for them.
 */
const PROVIDER_HOSTS: Partial<Record<GivingProvider, { hosts: string[]; example: string }>> = {
  liberapay: { hosts: ['liberapay.com'], example: 'https://liberapay.com/your-group/donate' },
  'open-collective': { hosts: ['opencollective.com'], example: 'https://opencollective.com/your-group/donate' },
  paypal: { hosts: ['paypal.com', 'paypal.me'], example: 'https://www.paypal.com/donate/?hosted_button_id=ABC123' },
};

const onHost = (url: URL, hosts: string[]) => hosts.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`));

/** Whether `code` is an ISO 4217 currency the runtime can format. */
export const isCurrency = (code: string) => (Intl.supportedValuesOf('currency') as string[]).includes(code);

const givingButton = z
  .strictObject({
    provider: documented(z.enum(GIVING_PROVIDERS), {
      title: 'Service',
      description: 'Where the button leads: Liberapay, Open Collective, PayPal, a Stripe Payment Link, or another page that takes donations.',
      examples: ['liberapay'],
    }),
    url: documented(addressField(HTTPS_KINDS, 'give the full address of your donation page, starting with https://'), {
      title: 'Address',
      description: 'The address of your donation page on that service, starting with https://.',
      examples: ['https://liberapay.com/your-group/donate'],
    }),
    label: documented(z.string().trim().optional(), {
      title: 'Button text',
      description: 'The words on the button. Leave it empty for "Give with" and the name of the service.',
      examples: ['Give monthly with Liberapay'],
    }),
  })
  .superRefine((button, ctx) => {
    const known = PROVIDER_HOSTS[button.provider];
    // An address the field refused has its own problem; URL.parse keeps this check from throwing on it.
    const url = URL.parse(button.url);
    if (known && url && !onHost(url, known.hosts)) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: `this is not an address on ${known.hosts.join(' or ')}; copy the address of your donation page there, e.g. ${known.example}`,
      });
    }
  });

/**
 * How people give money to the group: shown on the donate page (`/donate/`). The page is
 * published when this section is present (unless the site turns `features.giving` off).
 */
export const givingSchema = z.strictObject({
  intro: documented(z.string().trim().optional(), {
    title: 'Introduction',
    description: 'A few sentences at the top of the donate page: what gifts pay for, and why they matter.',
    examples: ['Your gifts pay for the hall, the flyers and the festival permits.'],
    cms: { widget: 'text' },
  }),
  buttons: documented(z.array(givingButton).min(1, { error: 'add at least one way to give' }), {
    title: 'Ways to give',
    description: 'One button for each service that takes donations for your group.',
    examples: [[{ provider: 'liberapay', url: 'https://liberapay.com/your-group/donate' }]],
  }),
  amounts: documented(z.array(z.number().positive({ error: 'a suggested amount is more than 0' })).optional(), {
    title: 'Suggested amounts',
    description: 'A few amounts to suggest, e.g. 10, 25 and 50. Liberapay buttons fill them in; for the others they are shown as suggestions.',
    examples: [[10, 25, 50]],
  }),
  currency: documented(
    z.string().trim().toUpperCase().default('EUR').refine(isCurrency, { error: 'write the three-letter code of a currency, e.g. EUR, USD or CAD' }),
    {
      title: 'Currency',
      description: 'The three-letter code of the currency of your amounts, e.g. EUR, USD or CAD.',
      examples: ['EUR'],
    },
  ),
  goal: documented(
    z
      .strictObject({
        label: documented(z.string({ error: 'say what the campaign is for' }).trim().min(1), {
          title: 'Campaign',
          description: 'What you are raising money for.',
          examples: ['A new roof for the community hall'],
        }),
        target: documented(z.number({ error: 'write an amount as a number, e.g. 5000' }).positive(), {
          title: 'Target',
          description: 'How much you want to raise.',
          examples: [5000],
        }),
        raised: documented(z.number({ error: 'write an amount as a number, e.g. 1240' }).nonnegative(), {
          title: 'Raised so far',
          description: 'How much you have received; update it as gifts come in.',
          examples: [1240],
        }),
      })
      .optional(),
    {
      title: 'Campaign goal',
      description: 'A fundraising goal shown with a progress bar. Leave it empty for none.',
      examples: [{ label: 'A new roof for the community hall', target: 5000, raised: 1240 }],
    },
  ),
  recurring: documented(z.string().trim().optional(), {
    title: 'Note on monthly gifts',
    description: 'A sentence about giving every month, shown under the buttons.',
    examples: ['A monthly gift of any size helps us plan ahead.'],
  }),
});

export type GivingSettings = z.infer<typeof givingSchema>;
export type GivingButton = GivingSettings['buttons'][number];
