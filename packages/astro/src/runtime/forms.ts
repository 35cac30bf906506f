/**
 * The site's forms and donate page as the theme receives them: markup for the service that
 * receives each form, and giving amounts in the page's language.
 */
import config from 'virtual:openoutreach/config';
import {
  amountLinks,
  contactFormMarkup,
  formatMoney,
  GIVING_PROVIDER_NAMES,
  goalView,
  newsletterFormMarkup,
  type FormMarkup,
  type Locale,
} from '@openoutreach/core';
import type { DonatePageProps } from '../contract.ts';
import { localeContext } from './locale.ts';
import { pagePath } from './urls.ts';

/** Where forms send people after sending, in the page's language. */
function thanks(locale: Locale) {
  const thanksPath = localeContext(locale).url(pagePath('contact-thanks'));
  return { thanksPath, thanksUrl: config.site ? new URL(thanksPath, config.site).href : undefined };
}

/** The contact form's markup, or undefined when the site has none. */
export function contactForm(locale: Locale): FormMarkup | undefined {
  const settings = config.settings.forms?.contact;
  if (!settings || !config.features.contact) return undefined;
  return contactFormMarkup(settings, { ...thanks(locale), fallbackEmail: config.settings.contact.email });
}

/** The newsletter sign-up's markup, or undefined when the site has none. */
export function newsletterForm(locale: Locale): FormMarkup | undefined {
  const settings = config.settings.forms?.newsletter;
  return settings && newsletterFormMarkup(settings, thanks(locale));
}

/** What the donate page shows, in one language; undefined when the site takes no donations. */
export function donatePage(locale: Locale): Omit<DonatePageProps, 'title'> | undefined {
  const giving = config.settings.giving;
  if (!giving) return undefined;
  const { t } = localeContext(locale);
  const translated = locale === config.settings.defaultLocale ? undefined : config.settings.translations?.[locale]?.giving;
  return {
    intro: translated?.intro ?? giving.intro,
    buttons: giving.buttons.map((button) => ({
      provider: button.provider,
      href: button.url,
      label: button.label ?? (button.provider === 'other' ? t('giving.give') : t('giving.giveWith', { provider: GIVING_PROVIDER_NAMES[button.provider] })),
      amounts: amountLinks(button, giving, locale),
    })),
    amounts: (giving.amounts ?? []).map((amount) => formatMoney(amount, giving.currency, locale)),
    goal: giving.goal && goalView({ ...giving.goal, label: translated?.goalLabel ?? giving.goal.label }, giving.currency, locale),
    recurring: translated?.recurring ?? giving.recurring,
  };
}
