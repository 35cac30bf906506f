import { z } from 'zod';
import { isoDay } from '../dates.ts';
import { isValidTimeZone } from '../time-zones.ts';
import { SUPPORTED_LOCALES } from '../i18n/index.ts';
import { VIDEO_HOST_NAME } from '../video-embeds.ts';
import { addressField, dateField, documented, hrefField, imagePath, imageWithAlt, WEB_KINDS, withoutBlanks } from './fields.ts';
import { formsSchema } from './forms.ts';
import { givingSchema } from './giving.ts';

/** Fonts the theme ships as self-hosted files (no request to a font service). */
export const FONT_CHOICES = ['atkinson-hyperlegible', 'source-serif', 'lexend', 'system-sans', 'system-serif'] as const;

export const SOCIAL_NETWORKS = [
  'mastodon',
  'bluesky',
  'facebook',
  'instagram',
  'linkedin',
  'youtube',
  'peertube',
  'pixelfed',
  'threads',
  'tiktok',
  'x',
  'github',
  'codeberg',
  'matrix',
  'discord',
  'telegram',
  'whatsapp',
  'signal',
  'website',
] as const;

const hexColour = () => z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'write the colour as # and six hex digits, e.g. #1d5c63' });

const LANGUAGE_NAMES: Record<(typeof SUPPORTED_LOCALES)[number], string> = { en: 'English', fr: 'French', es: 'Spanish' };

/** One optional value per language the kit speaks, as an object the CMS shows as one field each. */
function perLocale<T extends z.ZodType>(value: T) {
  return z.strictObject(
    Object.fromEntries(
      SUPPORTED_LOCALES.map((locale) => [
        locale,
        documented(value.optional(), { title: LANGUAGE_NAMES[locale], description: `In ${LANGUAGE_NAMES[locale]}.`, examples: [] }),
      ]),
    ) as Record<(typeof SUPPORTED_LOCALES)[number], z.ZodOptional<T>>,
  );
}

export interface MenuItem {
  label: string;
  href: string;
  translations?: Partial<Record<(typeof SUPPORTED_LOCALES)[number], string>> | undefined;
  children?: MenuItem[];
}

const menuItem: z.ZodType<MenuItem> = z.strictObject({
  label: documented(z.string().trim().min(1), {
    title: 'Label',
    description: 'The text of the link in the menu.',
    examples: ['Donate'],
  }),
  href: documented(hrefField(), {
    title: 'Link',
    description: 'A page of this site starting with / (e.g. /news/) or a full web address.',
    examples: ['/news/'],
  }),
  translations: documented(perLocale(z.string().trim().min(1)).optional(), {
    title: 'Label in other languages',
    description: 'On a site in several languages: the label in each other language, e.g. es: Noticias.',
    examples: [{ es: 'Noticias' }],
  }),
  get children() {
    return z.array(menuItem).optional();
  },
});

/** What a multilingual site says differently in another language. */
const settingsTranslation = z.strictObject({
  tagline: z.string().trim().optional(),
  description: z.string().trim().optional(),
  announcement: z.strictObject({ text: z.string().trim().optional(), linkLabel: z.string().trim().optional() }).optional(),
  giving: z.strictObject({ intro: z.string().trim().optional(), goalLabel: z.string().trim().optional(), recurring: z.string().trim().optional() }).optional(),
});

/**
 * The settings of a member site, kept in `src/settings/site.yaml` and edited in the CMS:
 * identity, look, languages, contact details and menus.
 */
/** An announcement's last day on or after its first. */
function checkAnnouncementDays(announcement: { start?: Date | undefined; end?: Date | undefined }, ctx: z.RefinementCtx): void {
  const { start, end } = announcement;
  if (!start || !end || end.getTime() >= start.getTime()) return;
  ctx.addIssue({
    code: 'custom',
    path: ['end'],
    message: `the banner would stop (${isoDay(end)}) before it starts (${isoDay(start)})`,
    params: { fix: `give a last day on or after the first, e.g. \`end: ${isoDay(start)}\`, or remove "end".` },
  });
}

export const siteSettingsSchema = withoutBlanks(
  z
    .strictObject({
      name: documented(z.string({ error: 'give the name of your group' }).trim().min(1), {
        title: 'Site name',
        description: 'The name of your group, shown in the header and the browser tab.',
        examples: ['Riverside Tenants Union'],
      }),
      tagline: documented(z.string().trim().optional(), {
        title: 'Tagline',
        description: 'A short line under the name saying what your group does.',
        examples: ['Neighbours standing together for fair housing'],
      }),
      description: documented(z.string().trim().optional(), {
        title: 'Description',
        description: 'One or two sentences about your group, used by search engines and feeds.',
        examples: ['We organise tenants in Riverside to win repairs and fair rents.'],
        cms: { widget: 'text' },
      }),
      logo: documented(
        z
          .strictObject({
            src: documented(z.string().trim().min(1), {
              title: 'Logo file',
              description: 'An SVG or PNG file of your logo. An SVG with scripts, links or references to other files is refused: export it as a plain SVG.',
              examples: ['../assets/logo.svg'],
              cms: { widget: 'image' },
            }),
            alt: documented(z.string({ error: 'describe the logo, usually with the name of your group' }).trim().min(1), {
              title: 'Logo description',
              description: 'Usually the name of your group.',
              examples: ['Riverside Tenants Union'],
            }),
            showName: documented(z.boolean().default(true), {
              title: 'Show the name beside the logo',
              description: 'Turn this off if your logo already contains the name.',
              examples: [true],
            }),
          })
          .optional(),
        {
          title: 'Logo',
          description:
            'Your logo (SVG or PNG), a description of it (usually your name), and whether the name is shown beside it; turn that off if the logo contains the name.',
          examples: [{ src: '../assets/logo.svg', alt: 'Riverside Tenants Union', showName: true }],
        },
      ),
      colours: documented(
        z
          .strictObject({
            primary: documented(hexColour().default('#1d5c63'), {
              title: 'Main colour',
              description: 'Used for the header, buttons and links. Dark colours read best.',
              examples: ['#1d5c63'],
            }),
            accent: documented(hexColour().default('#b4442a'), {
              title: 'Accent colour',
              description: 'Used for highlights and calls to action.',
              examples: ['#b4442a'],
            }),
          })
          .default({ primary: '#1d5c63', accent: '#b4442a' }),
        { title: 'Colours', description: 'Your brand colours.', examples: [{ primary: '#1d5c63' }] },
      ),
      fonts: documented(
        z
          .strictObject({
            heading: z.enum(FONT_CHOICES).default('atkinson-hyperlegible'),
            body: z.enum(FONT_CHOICES).default('atkinson-hyperlegible'),
          })
          .default({ heading: 'atkinson-hyperlegible', body: 'atkinson-hyperlegible' }),
        {
          title: 'Fonts',
          description: 'The typefaces of headings and text, served from your own site.',
          examples: [{ heading: 'source-serif', body: 'atkinson-hyperlegible' }],
        },
      ),
      defaultLocale: documented(z.enum(SUPPORTED_LOCALES).default('en'), {
        title: 'Main language',
        description: 'The language of your site.',
        examples: ['en'],
      }),
      locales: documented(z.array(z.enum(SUPPORTED_LOCALES)).min(1).optional(), {
        title: 'Languages',
        description: 'Every language your site is published in, the main language included.',
        examples: [['en', 'es']],
      }),
      timeZone: documented(
        z.string().default('UTC').refine(isValidTimeZone, {
          error: 'use a time zone name such as Europe/Paris or America/Toronto',
        }),
        {
          title: 'Time zone',
          description: 'Where your group is, so that dates and times show correctly.',
          examples: ['America/Toronto'],
          cms: { widget: 'time-zone' },
        },
      ),
      contact: documented(
        z
          .strictObject({
            email: z.email({ error: 'write an email address such as hello@example.org' }).optional(),
            phone: z.string().trim().optional(),
            address: z
              .strictObject({
                street: z.string().trim().optional(),
                locality: z.string().trim().optional(),
                region: z.string().trim().optional(),
                postalCode: z.string().trim().optional(),
                country: z.string().trim().optional(),
              })
              .optional(),
          })
          .default({}),
        {
          title: 'Contact details',
          description: 'How people reach you; shown in the footer.',
          examples: [{ email: 'hello@example.org', phone: '+1 555 0100' }],
        },
      ),
      social: documented(
        z
          .array(
            z.strictObject({
              network: z.enum(SOCIAL_NETWORKS),
              url: addressField(WEB_KINDS, 'give the full address of your profile, starting with https://'),
            }),
          )
          .default([]),
        {
          title: 'Social links',
          description: 'Your profiles elsewhere; shown in the footer.',
          examples: [[{ network: 'mastodon', url: 'https://social.coop/@example' }]],
        },
      ),
      navigation: documented(
        z
          .strictObject({
            header: z.array(menuItem).default([]),
            footer: z.array(menuItem).default([]),
          })
          .default({ header: [], footer: [] }),
        {
          title: 'Menus',
          description: 'Extra links in the header and footer menus. Pages can also add themselves to a menu.',
          examples: [{ header: [{ label: 'News', href: '/news/' }] }],
        },
      ),
      announcement: documented(
        z
          .strictObject({
            text: documented(z.string({ error: 'write the announcement, or remove it' }).trim().min(1), {
              title: 'Announcement',
              description: 'A short message shown at the top of every page, e.g. a meeting or an appeal.',
              examples: ['Join us for the general assembly on 12 March!'],
            }),
            link: documented(hrefField().optional(), {
              title: 'Link',
              description: 'Where the announcement leads: a page of this site (starting with /) or a web address.',
              examples: ['/events/'],
            }),
            linkLabel: documented(z.string().trim().optional(), {
              title: 'Link text',
              description: 'The words of the link, e.g. "Find out more".',
              examples: ['Find out more'],
            }),
            start: documented(dateField().optional(), {
              title: 'Show from',
              description:
                'The first day the banner is shown, as YYYY-MM-DD; empty to show it at once. It appears with the first rebuild of the site on or after that day (the daily scheduled rebuild does that).',
              examples: ['2026-03-01'],
            }),
            end: documented(dateField().optional(), {
              title: 'Show until',
              description:
                'The last day the banner is shown, as YYYY-MM-DD; empty to keep it. The first rebuild after that day (the daily scheduled rebuild) takes it down.',
              examples: ['2026-03-12'],
            }),
          })
          .superRefine(checkAnnouncementDays)
          .optional(),
        {
          title: 'Announcement banner',
          description:
            'A message shown at the top of every page, from the day in "Show from" to the day in "Show until" when they are given. Leave it empty for none.',
          examples: [{ text: 'Join us for the general assembly on 12 March!', link: '/events/', end: '2026-03-12' }],
        },
      ),
      shareImage: documented(imageWithAlt(imagePath).optional(), {
        title: 'Share image',
        description: 'The picture shown when a page without its own image is shared on social media (1200 × 630 pixels works best).',
        examples: [{ src: '../assets/share.jpg', alt: 'Neighbours at the street festival' }],
      }),
      giving: documented(givingSchema.optional(), {
        title: 'Giving',
        description: 'How people give money to your group: the donate page (/donate/). Leave it empty for no donate page.',
        examples: [{ buttons: [{ provider: 'liberapay', url: 'https://liberapay.com/your-group/donate' }] }],
      }),
      forms: documented(formsSchema.optional(), {
        title: 'Forms',
        description: 'The contact form (/contact/) and the newsletter sign-up in the footer, and the services that receive them.',
        examples: [{ contact: { provider: 'netlify' } }],
      }),
      translations: documented(perLocale(settingsTranslation).optional(), {
        title: 'In other languages',
        description: 'On a site in several languages: the tagline, description, announcement and donation texts in each other language.',
        examples: [{ es: { tagline: 'Vecinos unidos por viviendas dignas' } }],
      }),
      newsPerPage: documented(z.number().int().min(1).max(100).default(10), {
        title: 'News posts per page',
        description: 'How many posts the news list shows on one page.',
        examples: [10],
      }),
      videos: documented(
        z
          .strictObject({
            peertube: documented(
              z
                .array(
                  z
                    .string()
                    .trim()
                    .toLowerCase()
                    .regex(VIDEO_HOST_NAME, { error: 'write the instance’s host name only, without https:// or a path, e.g. tube.example.org' }),
                )
                .default([]),
              {
                title: 'PeerTube instances',
                description:
                  'The host names of the PeerTube instances your videos are on. Videos from any other instance are shown as a link, not played on the site.',
                examples: [['framatube.org']],
              },
            ),
          })
          .default({ peertube: [] }),
        { title: 'Videos', description: 'Where the site may play videos from, besides YouTube and Vimeo.', examples: [{ peertube: ['framatube.org'] }] },
      ),
    })
    .transform((settings, ctx) => {
      const locales = settings.locales ?? [settings.defaultLocale];
      if (!locales.includes(settings.defaultLocale)) {
        ctx.addIssue({
          code: 'custom',
          path: ['locales'],
          message: `the main language "${settings.defaultLocale}" must also be listed in locales`,
        });
      }
      if (settings.forms?.contact?.provider === 'mailto' && !settings.forms.contact.email && !settings.contact.email) {
        ctx.addIssue({
          code: 'custom',
          path: ['forms', 'contact', 'email'],
          message: 'a mailto contact form needs an email address: give one here or in the contact details',
        });
      }
      return { ...settings, locales };
    }),
);

export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export type SiteSettingsInput = z.input<typeof siteSettingsSchema>;
