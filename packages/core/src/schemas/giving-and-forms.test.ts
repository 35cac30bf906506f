import { describe, expect, it } from 'vitest';
import { problemsFromZodError } from '../problems.ts';
import { siteSettingsSchema } from './site-settings.ts';

const problemsOf = (extra: Record<string, unknown>) => {
  const input = { name: 'Maple Street', ...extra };
  const result = siteSettingsSchema.safeParse(input);
  return result.success ? [] : problemsFromZodError(result.error, siteSettingsSchema, 'src/settings/site.yaml', input, 'settings file');
};

describe('giving settings', () => {
  it('accepts buttons, amounts, a currency written in lower case and a goal', () => {
    const settings = siteSettingsSchema.parse({
      name: 'Maple Street',
      giving: {
        buttons: [
          { provider: 'liberapay', url: 'https://liberapay.com/maple/donate' },
          { provider: 'stripe', url: 'https://give.maple.org/b/abc' },
        ],
        amounts: [10, 25],
        currency: 'cad',
        goal: { label: 'Roof', target: 5000, raised: 1240 },
      },
    });
    expect(settings.giving?.currency).toBe('CAD');
  });

  it('names the field and the fix when a button leads to the wrong site', () => {
    const [problem] = problemsOf({ giving: { buttons: [{ provider: 'liberapay', url: 'https://liberpay.com/maple' }] } });
    expect(problem).toMatchObject({ field: 'giving.buttons[0].url' });
    expect(problem?.message).toContain('liberapay.com');
    expect(problem?.message).toContain('https://liberapay.com/your-group/donate');
  });

  it('rejects an address that is not https, an unknown currency and an unknown service', () => {
    const fields = problemsOf({
      giving: {
        buttons: [
          { provider: 'other', url: 'http://example.org' },
          { provider: 'kickstarter', url: 'https://x.org' },
        ],
        currency: 'EURO',
      },
    }).map((problem) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['giving.buttons[0].url', 'giving.buttons[1].provider', 'giving.currency']));
  });
});

describe('forms settings', () => {
  it('asks for what each service needs, naming the field', () => {
    expect(problemsOf({ forms: { contact: { provider: 'formspree' } } }).map((p) => p.field)).toEqual(['forms.contact.endpoint']);
    expect(problemsOf({ forms: { newsletter: { provider: 'listmonk', action: 'https://lists.example.org' } } }).map((p) => p.field)).toEqual([
      'forms.newsletter.list',
    ]);
    expect(problemsOf({ forms: { newsletter: { provider: 'buttondown' } } }).map((p) => p.field)).toEqual(['forms.newsletter.username']);
    expect(problemsOf({ forms: { newsletter: { provider: 'mailchimp', action: 'https://example.org/subscribe' } } }).map((p) => p.field)).toEqual([
      'forms.newsletter.action',
    ]);
  });

  it('needs an email for a mailto form, from the form or the contact details', () => {
    expect(problemsOf({ forms: { contact: { provider: 'mailto' } } }).map((p) => p.field)).toEqual(['forms.contact.email']);
    expect(problemsOf({ forms: { contact: { provider: 'mailto' } }, contact: { email: 'hello@example.org' } })).toEqual([]);
  });

  it('suggests the closest service for a typo', () => {
    const [problem] = problemsOf({ forms: { contact: { provider: 'netlfy' } } });
    expect(problem?.field).toBe('forms.contact.provider');
    expect(`${problem?.message} ${problem?.fix}`).toContain('netlify');
  });
});
