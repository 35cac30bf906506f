/** What the donate page shows: amounts in the page's language and links to each service. */
import type { GivingButton, GivingProvider, GivingSettings } from './schemas/giving.ts';

export const GIVING_PROVIDER_NAMES: Record<GivingProvider, string> = {
  liberapay: 'Liberapay',
  'open-collective': 'Open Collective',
  paypal: 'PayPal',
  stripe: 'Stripe',
  other: '',
};

/** `amount` in `currency` as the locale writes it: "€1,240", "1 240 €", "CA$25.50". */
export function formatMoney(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: Number.isInteger(amount) ? 0 : undefined,
    maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}

export interface AmountLink {
  amount: string;
  href: string;
}

/**
 * Links that open a service's donation form with an amount filled in. Only Liberapay documents
 * this for a plain link (`/donate?amount=…&currency=…`, liberapay/liberapay.com#1790); for the
 * other services the page shows the amounts as suggestions, never a link that pretends to prefill.
 */
export function amountLinks(button: GivingButton, giving: Pick<GivingSettings, 'amounts' | 'currency'>, locale: string): AmountLink[] {
  if (button.provider !== 'liberapay' || !giving.amounts?.length) return [];
  const base = new URL(button.url);
  if (!/\/donate\/?$/.test(base.pathname)) return [];
  return giving.amounts.map((amount) => {
    const url = new URL(base);
    url.searchParams.set('currency', giving.currency);
    url.searchParams.set('amount', String(amount));
    return { amount: formatMoney(amount, giving.currency, locale), href: url.href };
  });
}

export interface GoalView {
  label: string;
  /** The progress value, capped at the target so the bar is never over full. */
  value: number;
  max: number;
  raised: string;
  target: string;
  /** Whole percent raised, for the bar's visible figure. */
  percent: number;
}

/** The campaign goal ready to show, amounts formatted in the page's language. */
export function goalView(goal: NonNullable<GivingSettings['goal']>, currency: string, locale: string): GoalView {
  const max = Math.max(goal.target, 0);
  return {
    label: goal.label,
    value: Math.min(goal.raised, max),
    max,
    raised: formatMoney(goal.raised, currency, locale),
    target: formatMoney(goal.target, currency, locale),
    percent: max > 0 ? Math.floor((goal.raised / max) * 100) : 0,
  };
}
