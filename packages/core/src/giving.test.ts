import { describe, expect, it } from 'vitest';
import { amountLinks, formatMoney, goalView } from './giving.ts';

describe('formatMoney', () => {
  it('writes amounts as each language does, without cents for whole amounts', () => {
    expect(formatMoney(1240, 'EUR', 'en')).toBe('€1,240');
    expect(formatMoney(1240, 'EUR', 'fr')).toMatch(/^1\s240\s€$/);
    expect(formatMoney(25.5, 'CAD', 'en')).toBe('CA$25.50');
    expect(formatMoney(5000, 'EUR', 'es')).toMatch(/^5\.?000\s€$/);
  });
});

describe('goalView', () => {
  it('formats the goal and caps the bar at the target', () => {
    expect(goalView({ label: 'Roof', target: 5000, raised: 1240 }, 'EUR', 'en')).toEqual({
      label: 'Roof',
      value: 1240,
      max: 5000,
      raised: '€1,240',
      target: '€5,000',
      percent: 24,
    });
    expect(goalView({ label: 'Roof', target: 100, raised: 150 }, 'EUR', 'en')).toMatchObject({ value: 100, percent: 150 });
  });
});

describe('amountLinks', () => {
  const giving = { amounts: [10, 25], currency: 'EUR' };
  it('fills in the amount and currency of a Liberapay donation page', () => {
    expect(amountLinks({ provider: 'liberapay', url: 'https://liberapay.com/maple/donate' }, giving, 'en')).toEqual([
      { amount: '€10', href: 'https://liberapay.com/maple/donate?currency=EUR&amount=10' },
      { amount: '€25', href: 'https://liberapay.com/maple/donate?currency=EUR&amount=25' },
    ]);
  });

  it('never pretends to prefill a service that does not document it', () => {
    expect(amountLinks({ provider: 'open-collective', url: 'https://opencollective.com/maple/donate' }, giving, 'en')).toEqual([]);
    expect(amountLinks({ provider: 'stripe', url: 'https://buy.stripe.com/abc' }, giving, 'en')).toEqual([]);
    expect(amountLinks({ provider: 'liberapay', url: 'https://liberapay.com/maple' }, giving, 'en')).toEqual([]);
  });
});
