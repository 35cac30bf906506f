import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { axeViolations } from '../support/page-checks.ts';
import { SITES } from '../support/sites.ts';
import { axeInLightAndDark, visitSite } from '../support/visitor.ts';

/**
 * The starter's donate page, contact form and newsletter sign-up, as a visitor meets them in
 * Chromium: plain links and plain forms for the services its settings name (Liberapay and Open
 * Collective, Netlify Forms, listmonk), with no script and no request to those services.
 */
const site = visitSite(SITES.starter.dist);

const contactForm = () => site.page.locator('form[name="contact"]');

async function go(path: string) {
  const response = await site.page.goto(new URL(path, site.server.url).href);
  expect(response?.status(), path).toBe(200);
}

/** No script, nothing from another host, and no axe violation in light and dark mode. */
async function checkPage(path: string) {
  expect(await axeInLightAndDark(site.page), path).toEqual([]);
  expect(site.requests.scripts, path).toEqual([]);
  expect(site.requests.foreign, path).toEqual([]);
}

describe('the donate page', () => {
  test('links to each service, fills in amounts only where Liberapay documents it, and shows the goal as a named progress bar', async () => {
    await go('/donate/');
    expect(await site.page.locator('body').getAttribute('data-page-type')).toBe('donate');
    const buttons = site.page.locator('.donate__button');
    expect(await buttons.allTextContents()).toEqual(['Give with Liberapay', 'Give with Open Collective']);
    expect(await buttons.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))).toEqual([
      'https://liberapay.com/maple-street/donate',
      'https://opencollective.com/maple-street/donate',
    ]);
    const amount = site.page.getByRole('link', { name: 'Give CA$25 with Liberapay' });
    expect(await amount.getAttribute('href')).toBe('https://liberapay.com/maple-street/donate?currency=CAD&amount=25');

    const progress = site.page.getByRole('progressbar', { name: /Benches for the Maple Street parkette/ });
    expect(await progress.evaluate((bar) => [(bar as HTMLProgressElement).value, (bar as HTMLProgressElement).max])).toEqual([1240, 5000]);
    const description = await progress.evaluate((bar) =>
      bar
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' '),
    );
    expect(description).toBe('CA$1,240 of CA$5,000 raised');
    await checkPage('/donate/');
  });
});

describe('the contact form', () => {
  test('is a Netlify form with its name, form-name and a honeypot hidden from people and assistive tech', async () => {
    await go('/contact/');
    expect(await site.page.locator('body').getAttribute('data-page-type')).toBe('contact');
    const form = site.page.locator('form[name="contact"]');
    expect(await form.evaluate((element) => Object.fromEntries([...element.attributes].map((attribute) => [attribute.name, attribute.value])))).toMatchObject({
      method: 'post',
      action: '/contact/thanks/',
      'data-netlify': 'true',
      'data-netlify-honeypot': 'bot-field',
    });
    expect(await form.locator('input[type="hidden"][name="form-name"]').getAttribute('value')).toBe('contact');
    const trap = form.locator('input[name="bot-field"]');
    expect(await trap.getAttribute('tabindex')).toBe('-1');
    expect(await trap.evaluate((input) => input.getBoundingClientRect().right <= 0), 'the trap is off screen').toBe(true);
    // Not in the accessibility tree: a screen reader never meets the trap.
    const tree = await site.page.locator('form[name="contact"]').ariaSnapshot();
    expect(tree).not.toMatch(/leave this field empty/i);
    expect(tree).toMatch(/textbox "Your email address/);
    await checkPage('/contact/');
  });

  test('sent empty, stays on the page and marks each required field invalid, with its message tied to it', async () => {
    await go('/contact/');
    await contactForm().getByRole('button', { name: 'Send' }).click();
    expect(new URL(site.page.url()).pathname).toBe('/contact/');
    for (const [label, message] of <[string, string][]>[
      ['Your name', 'Enter your name.'],
      ['Your email address', 'Enter an email address such as name@example.org.'],
      ['Your message', 'Write your message.'],
    ]) {
      const field = contactForm().getByLabel(label, { exact: false });
      expect(await field.evaluate((input) => (input as HTMLInputElement).validity.valueMissing), label).toBe(true);
      expect(await field.evaluate((input) => input.matches(':invalid') && input.matches(':user-invalid')), label).toBe(true);
      const error = site.page.locator(`#${await field.getAttribute('id')}-error`);
      expect(await field.getAttribute('aria-describedby'), label).toContain(await error.getAttribute('id'));
      expect(await error.isVisible(), `${label}: the message shows after trying to send`).toBe(true);
      expect(await error.textContent()).toContain(message);
    }
    await contactForm().getByLabel('Your email address', { exact: false }).fill('not an address');
    expect(
      await contactForm()
        .getByLabel('Your email address', { exact: false })
        .evaluate((input) => (input as HTMLInputElement).validity.typeMismatch),
    ).toBe(true);
    expect(await axeViolations(site.page), 'with the errors showing').toEqual([]);
  });

  test('leads to a thank-you page', async () => {
    await go('/contact/thanks/');
    expect(await site.page.locator('h1').textContent()).toBe('Thank you!');
    await checkPage('/contact/thanks/');
  });
});

describe('the newsletter sign-up in the footer', () => {
  test('posts to listmonk’s public subscription form with the list and its nonce trap', async () => {
    await go('/');
    const form = site.page.locator('.site-footer form');
    expect(await form.getAttribute('action')).toBe('https://lists.example.org/subscription/form');
    expect(await form.locator('input[name="l"]').getAttribute('value')).toBe('8a7f0b3c-2d7e-4c1a-9d3e-5b6f7a8c9d0e');
    expect(await form.locator('input[name="email"][type="email"][required]').count()).toBe(1);
    expect(await form.locator('input[name="nonce"][tabindex="-1"]').count()).toBe(1);
  });
});

describe('the default share image', () => {
  const meta = (path: string, property: string) =>
    new RegExp(`<meta property="${property}" content="([^"]+)"`).exec(readFileSync(join(SITES.starter.dist, path), 'utf8'))?.[1];
  const DEFAULT_ALT = /^\s*alt: (.+)$/m.exec(readFileSync(join(SITES.starter.dir, 'src/settings/site.yaml'), 'utf8').split('shareImage:')[1]!)![1];

  test('is used by a page without an image of its own, never over a page’s own image', () => {
    for (const path of ['about/index.html', 'donate/index.html', 'contact/index.html']) {
      expect(meta(path, 'og:image'), path).toMatch(/^https:\/\/example\.org\/_astro\/[\w.-]+\.jpg$/);
      expect(meta(path, 'og:image:alt'), path).toBe(DEFAULT_ALT);
    }
    // Image files are named after the first file with their content, so compare descriptions.
    expect(meta('get-involved/index.html', 'og:image')).not.toBe(meta('about/index.html', 'og:image'));
    expect(meta('get-involved/index.html', 'og:image:alt')).not.toBe(DEFAULT_ALT);
  });
});
