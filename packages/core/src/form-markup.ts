/**
 * The HTML of a form for each service that receives it: plain forms that post straight to the
 * service, so they work on any static host without JavaScript.
 */
import type { ContactFormSettings, NewsletterFormSettings } from './schemas/forms.ts';

/** What a theme needs to write one `<form>`. */
export interface FormMarkup {
  /** Attributes of the `<form>` element (action, method, enctype, Netlify's markers). */
  attributes: Record<string, string>;
  /** Hidden inputs the service expects (form name, list, redirect). */
  hidden: { name: string; value: string }[];
  /** The name of the spam trap field the service checks, if it has one. */
  honeypot?: string | undefined;
  /** The names of the visible fields, as the service expects them. */
  fields: { email: string; name: string; message: string };
  /** Whether the service sends people to the site's thank-you page after sending. */
  redirectsToThanks: boolean;
}

export interface FormContext {
  /** Path of the thank-you page, base included (`/contact/thanks/`), for Netlify's `action`. */
  thanksPath: string;
  /** Full address of the thank-you page, for Formspree's `_next`; absent when the site has no address. */
  thanksUrl?: string | undefined;
}

const FIELDS = { email: 'email', name: 'name', message: 'message' };

/**
 * Netlify Forms finds forms at deploy time by `data-netlify` and needs `form-name` in each submission;
 * the `data-` spelling of its honeypot attribute keeps the page valid HTML.
 */
function netlify(name: string, context: FormContext): FormMarkup {
  return {
    attributes: { name, method: 'post', action: context.thanksPath, 'data-netlify': 'true', 'data-netlify-honeypot': 'bot-field' },
    hidden: [{ name: 'form-name', value: name }],
    honeypot: 'bot-field',
    fields: FIELDS,
    redirectsToThanks: true,
  };
}

/** Formspree and services like it: `_gotcha` is its spam trap and `_next` its redirect. */
function formspree(endpoint: string, context: FormContext): FormMarkup {
  return {
    attributes: { method: 'post', action: endpoint },
    hidden: context.thanksUrl ? [{ name: '_next', value: context.thanksUrl }] : [],
    honeypot: '_gotcha',
    fields: FIELDS,
    redirectsToThanks: !!context.thanksUrl,
  };
}

/** The markup of the contact form for its service. */
export function contactFormMarkup(settings: ContactFormSettings, context: FormContext & { fallbackEmail?: string | undefined }): FormMarkup {
  switch (settings.provider) {
    case 'netlify':
      return netlify('contact', context);
    case 'formspree':
      return formspree(settings.endpoint!, context);
    case 'mailto': {
      const email = settings.email ?? context.fallbackEmail;
      if (!email) throw new Error('a mailto contact form needs an email address (forms.contact.email or contact.email)');
      // The mail app receives the fields as text; there is no server to check a spam trap.
      return { attributes: { method: 'post', action: `mailto:${email}`, enctype: 'text/plain' }, hidden: [], fields: FIELDS, redirectsToThanks: false };
    }
  }
}

/** The listmonk address's public subscription form, whether or not the settings give its path. */
const listmonkAction = (action: string) => (/\/subscription\/form\/?$/.test(action) ? action : `${action.replace(/\/+$/, '')}/subscription/form`);

/** The markup of the newsletter sign-up form for its service. */
export function newsletterFormMarkup(settings: NewsletterFormSettings, context: FormContext): FormMarkup {
  switch (settings.provider) {
    case 'netlify':
      return netlify('newsletter', context);
    case 'formspree':
      return formspree(settings.action!, context);
    case 'listmonk':
      // listmonk rejects a submission whose `nonce` field is filled in: its spam trap.
      return {
        attributes: { method: 'post', action: listmonkAction(settings.action!) },
        hidden: [{ name: 'l', value: settings.list! }],
        honeypot: 'nonce',
        fields: FIELDS,
        redirectsToThanks: false,
      };
    case 'buttondown':
      // Buttondown documents no spam trap field for its embed form and screens sign-ups itself.
      return {
        attributes: { method: 'post', action: `https://buttondown.com/api/emails/embed-subscribe/${encodeURIComponent(settings.username!)}` },
        hidden: [],
        fields: FIELDS,
        redirectsToThanks: false,
      };
    case 'mailchimp': {
      // Mailchimp's embed code names its spam trap after the account and the list: b_<u>_<id>.
      const url = new URL(settings.action!);
      return {
        attributes: { method: 'post', action: url.href },
        hidden: [],
        honeypot: `b_${url.searchParams.get('u')}_${url.searchParams.get('id')}`,
        fields: { email: 'EMAIL', name: 'FNAME', message: 'message' },
        redirectsToThanks: false,
      };
    }
  }
}
