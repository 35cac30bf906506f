import { z } from 'zod';
import { addressField, documented, HTTPS_KINDS } from './fields.ts';

/** Who receives the contact form: Netlify Forms, a Formspree-style endpoint, or the visitor's mail app. */
export const CONTACT_FORM_PROVIDERS = ['netlify', 'formspree', 'mailto'] as const;
/** Services that keep a mailing list and accept sign-ups from a plain HTML form. */
export const NEWSLETTER_PROVIDERS = ['listmonk', 'buttondown', 'mailchimp', 'formspree', 'netlify'] as const;

const httpsAddress = (title: string, description: string, example: string) =>
  documented(addressField(HTTPS_KINDS, 'give the full address, starting with https://').optional(), {
    title,
    description,
    examples: [example],
  });

const required = (ctx: z.RefinementCtx, field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });

export const contactFormSchema = z
  .strictObject({
    provider: documented(z.enum(CONTACT_FORM_PROVIDERS), {
      title: 'Form service',
      description:
        "netlify: Netlify Forms (only on sites hosted by Netlify); formspree: Formspree or any service that gives you a form address (endpoint); mailto: opens the visitor's mail app.",
      examples: ['netlify'],
    }),
    endpoint: httpsAddress(
      'Form address (endpoint)',
      'For formspree: the address the service gives your form, e.g. https://formspree.io/f/abcdwxyz.',
      'https://formspree.io/f/abcdwxyz',
    ),
    email: documented(z.email({ error: 'write an email address such as hello@example.org' }).optional(), {
      title: 'Email address',
      description: 'For mailto: where messages go. Leave it empty to use the email of your contact details.',
      examples: ['hello@example.org'],
    }),
  })
  .superRefine((form, ctx) => {
    if (form.provider === 'formspree' && !form.endpoint)
      required(ctx, 'endpoint', 'a formspree form needs the address (endpoint) the service gives you, e.g. https://formspree.io/f/abcdwxyz');
  });

export const newsletterFormSchema = z
  .strictObject({
    provider: documented(z.enum(NEWSLETTER_PROVIDERS), {
      title: 'Mailing list service',
      description: 'The service that keeps your mailing list: listmonk, Buttondown, Mailchimp, a Formspree-style endpoint, or Netlify Forms.',
      examples: ['listmonk'],
    }),
    action: httpsAddress(
      'Sign-up address',
      'listmonk: the address of your listmonk (e.g. https://lists.example.org); mailchimp: the form action of its embedded form; formspree: your form address.',
      'https://lists.example.org',
    ),
    list: documented(z.string().trim().optional(), {
      title: 'List ID',
      description: 'For listmonk: the UUID of the public list people join (Lists → the list → UUID).',
      examples: ['8a7f0b3c-2d7e-4c1a-9d3e-5b6f7a8c9d0e'],
    }),
    username: documented(z.string().trim().optional(), {
      title: 'Buttondown username',
      description: "For buttondown: your newsletter's username, as in buttondown.com/USERNAME.",
      examples: ['maple-street'],
    }),
  })
  .superRefine((form, ctx) => {
    if (['listmonk', 'mailchimp', 'formspree'].includes(form.provider) && !form.action) {
      required(
        ctx,
        'action',
        `a ${form.provider} sign-up form needs the address it sends to, e.g. ${form.provider === 'mailchimp' ? 'https://example.us1.list-manage.com/subscribe/post?u=abc&id=def' : 'https://lists.example.org'}`,
      );
    }
    if (form.provider === 'listmonk' && !form.list) required(ctx, 'list', 'a listmonk sign-up form needs the UUID of the list people join');
    if (form.provider === 'buttondown' && !form.username) required(ctx, 'username', 'a buttondown sign-up form needs your Buttondown username');
    if (form.provider === 'mailchimp' && form.action) {
      // An address the field refused has its own problem; URL.parse keeps this check from throwing on it.
      const url = URL.parse(form.action);
      if (url && (!url.hostname.endsWith('.list-manage.com') || !url.searchParams.get('u') || !url.searchParams.get('id'))) {
        required(ctx, 'action', "copy the form action of Mailchimp's embedded form: an address on list-manage.com with ?u=…&id=…");
      }
    }
  });

/** The site's forms, built as plain HTML forms that work on any static host. */
export const formsSchema = z.strictObject({
  contact: documented(contactFormSchema.optional(), {
    title: 'Contact form',
    description: 'The form on the contact page (/contact/). Leave it empty for no form.',
    examples: [{ provider: 'netlify' }],
  }),
  newsletter: documented(newsletterFormSchema.optional(), {
    title: 'Newsletter sign-up',
    description: 'A sign-up form for your mailing list, shown in the footer. Leave it empty for none.',
    examples: [{ provider: 'buttondown', username: 'maple-street' }],
  }),
});

export type FormsSettings = z.infer<typeof formsSchema>;
export type ContactFormSettings = z.infer<typeof contactFormSchema>;
export type NewsletterFormSettings = z.infer<typeof newsletterFormSchema>;
