import { describe, expect, it } from 'vitest';
import { contactFormMarkup, newsletterFormMarkup } from './form-markup.ts';

const context = { thanksPath: '/site/contact/thanks/', thanksUrl: 'https://example.org/site/contact/thanks/' };

describe('contactFormMarkup', () => {
  it('marks a Netlify form for detection at deploy time, with its name, honeypot and thank-you page', () => {
    expect(contactFormMarkup({ provider: 'netlify' }, context)).toEqual({
      attributes: { name: 'contact', method: 'post', action: '/site/contact/thanks/', 'data-netlify': 'true', 'data-netlify-honeypot': 'bot-field' },
      hidden: [{ name: 'form-name', value: 'contact' }],
      honeypot: 'bot-field',
      fields: { email: 'email', name: 'name', message: 'message' },
      redirectsToThanks: true,
    });
  });

  it('posts a Formspree-style form to its endpoint with _gotcha and a _next redirect', () => {
    const markup = contactFormMarkup({ provider: 'formspree', endpoint: 'https://formspree.io/f/abcd' }, context);
    expect(markup.attributes).toEqual({ method: 'post', action: 'https://formspree.io/f/abcd' });
    expect(markup.hidden).toEqual([{ name: '_next', value: context.thanksUrl }]);
    expect(markup.honeypot).toBe('_gotcha');
  });

  it('leaves out the redirect when the site has no address to give it', () => {
    const markup = contactFormMarkup({ provider: 'formspree', endpoint: 'https://formspree.io/f/abcd' }, { thanksPath: '/contact/thanks/' });
    expect(markup.hidden).toEqual([]);
    expect(markup.redirectsToThanks).toBe(false);
  });

  it('opens the mail app with the form as text, falling back to the contact email', () => {
    expect(contactFormMarkup({ provider: 'mailto' }, { ...context, fallbackEmail: 'hello@example.org' }).attributes).toEqual({
      method: 'post',
      action: 'mailto:hello@example.org',
      enctype: 'text/plain',
    });
    expect(contactFormMarkup({ provider: 'mailto', email: 'board@example.org' }, { ...context, fallbackEmail: 'hello@example.org' }).attributes.action).toBe(
      'mailto:board@example.org',
    );
  });
});

describe('newsletterFormMarkup', () => {
  it('posts to listmonk’s public subscription form with the list UUID as `l` and its `nonce` trap', () => {
    for (const action of ['https://lists.example.org', 'https://lists.example.org/', 'https://lists.example.org/subscription/form']) {
      const markup = newsletterFormMarkup({ provider: 'listmonk', action, list: 'uuid-1' }, context);
      expect(markup.attributes).toEqual({ method: 'post', action: 'https://lists.example.org/subscription/form' });
      expect(markup.hidden).toEqual([{ name: 'l', value: 'uuid-1' }]);
      expect(markup.honeypot).toBe('nonce');
      expect(markup.fields.email).toBe('email');
    }
  });

  it('posts to Buttondown’s embed endpoint for the username', () => {
    expect(newsletterFormMarkup({ provider: 'buttondown', username: 'maple-street' }, context).attributes.action).toBe(
      'https://buttondown.com/api/emails/embed-subscribe/maple-street',
    );
  });

  it('uses Mailchimp’s EMAIL field and its b_<u>_<id> trap', () => {
    const markup = newsletterFormMarkup({ provider: 'mailchimp', action: 'https://x.us1.list-manage.com/subscribe/post?u=abc&id=def' }, context);
    expect(markup.attributes.action).toBe('https://x.us1.list-manage.com/subscribe/post?u=abc&id=def');
    expect(markup.fields.email).toBe('EMAIL');
    expect(markup.honeypot).toBe('b_abc_def');
  });

  it('names a Netlify newsletter form apart from the contact form', () => {
    const markup = newsletterFormMarkup({ provider: 'netlify' }, context);
    expect(markup.attributes.name).toBe('newsletter');
    expect(markup.hidden).toEqual([{ name: 'form-name', value: 'newsletter' }]);
  });
});
