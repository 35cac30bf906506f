/** The donate page and the forms that work on static hosts. */
import type { AmountLink, FormMarkup, GivingProvider, GoalView } from '@openoutreach/core';

/** One way to give: a plain link to the service's donation page. */
export interface DonateButtonView {
  provider: GivingProvider;
  label: string;
  href: string;
  /** Links that open the service's form with an amount filled in (only services that document it). */
  amounts: AmountLink[];
}

/** The donate page (`/donate/`). No script and no request to the services: plain links. */
export interface DonatePageProps {
  title: string;
  intro?: string | undefined;
  buttons: DonateButtonView[];
  /** Suggested amounts, formatted in the page's language ("€25"). */
  amounts: string[];
  goal?: GoalView | undefined;
  recurring?: string | undefined;
}

export interface GoalProgressProps {
  goal: GoalView;
}

/** The contact page: the site's `contact` page content (the slot), if any, then the form. */
export interface ContactPageProps {
  title: string;
  form: FormMarkup;
}

/** A contact form for its service (see `contactFormMarkup` in core). */
export interface ContactFormProps {
  form: FormMarkup;
}

/** The newsletter sign-up; renders nothing unless the settings have `forms.newsletter`. */
export type NewsletterSignupProps = Record<string, never>;
