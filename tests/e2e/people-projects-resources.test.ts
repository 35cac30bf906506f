import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { axeViolations, watchRequests } from '../support/page-checks.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { SITES } from '../support/sites.ts';

/** The starter's people, projects and resources, browsed as a visitor in real Chromium. */
let browser: Browser;
let server: StaticServer;
let page: Page;
let requests: ReturnType<typeof watchRequests>;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await serveStatic(SITES.starter.dist);
  page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(10_000);
  requests = watchRequests(page, server.origin);
});
afterAll(async () => {
  await page?.context().close();
  await server?.close();
  await browser?.close();
});

async function visit(path: string, pageType: string) {
  const response = await page.goto(new URL(path, server.url).href);
  expect(response?.status(), path).toBe(200);
  expect(await page.locator('body').getAttribute('data-page-type'), path).toBe(pageType);
  expect(await page.locator('h1').count(), `${path} has one h1`).toBe(1);
  expect(await page.locator('script:not([type="application/ld+json"])').count(), `${path} ships no script`).toBe(0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), `${path} (${colorScheme} mode) passes axe`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}


/** The heading levels of the main content, in order. */
const headingLevels = () => page.locator('main').locator('h1, h2, h3, h4').evaluateAll((headings) => headings.map((heading) => Number(heading.tagName[1])));

describe('people', () => {
  test('the people page lists people by group, each card leading to the person’s page', async () => {
    await visit('/people/', 'people-index');
    const groups = await page.locator('main h2').allTextContents();
    expect(groups.slice(0, 3)).toEqual(['Board', 'Staff', 'Volunteers']);
    expect(groups).toContain('Festival committee');
    const levels = await headingLevels();
    expect(levels.every((level, index) => index === 0 || level <= levels[index - 1]! + 1), 'headings never skip a level').toBe(true);
    const board = page.locator('section', { has: page.locator('h2', { hasText: 'Board' }) });
    expect(await board.locator('.person-card__name').allTextContents()).toEqual(['Priya Raman', 'Daniel Okafor']);
    expect(await board.locator('.person-card__role').first().textContent()).toBe('Chair');
    expect(await page.locator('.person-card img').evaluateAll((images) => images.every((image) => (image as HTMLImageElement).alt.trim().length > 0))).toBe(true);

    await board.locator('a', { hasText: 'Priya Raman' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/people/priya-raman/');
    await visit('/people/priya-raman/', 'person');
    expect(await page.locator('h1').textContent()).toBe('Priya Raman');
    expect(await page.locator('a[href="mailto:priya@example.org"]').count()).toBe(1);
  });

  test('a news post with a person is linked to that person’s page', async () => {
    await page.goto(new URL('/news/safer-crossing-at-city-hall/', server.url).href);
    await page.locator('main a[href="/people/priya-raman/"]').first().click();
    await page.waitForLoadState();
    expect(await page.locator('h1').textContent()).toBe('Priya Raman');
  });
});

describe('projects', () => {
  test('the projects page groups projects by status', async () => {
    await visit('/projects/', 'projects-index');
    expect(await page.locator('main h2').allTextContents()).toEqual(['Active projects', 'Completed projects']);
    const completed = page.locator('section', { has: page.locator('h2', { hasText: 'Completed projects' }) });
    expect(await completed.locator('.project-card__title').allTextContents()).toEqual(['A tool library for the street']);
  });

  test('a project page lists the news posts and events that name the project, and only those', async () => {
    await visit('/projects/tool-library/', 'project');
    const news = page.locator('section', { has: page.locator('h2', { hasText: 'News about this project' }) });
    expect(await news.locator('.news-card__title').allTextContents()).toEqual(['The tool library is open']);
    const events = page.locator('section', { has: page.locator('h2', { hasText: 'Events of this project' }) });
    expect(await events.locator('.event-card__title').allTextContents()).toEqual(['Tool library open hours']);
    await events.locator('a', { hasText: 'Tool library open hours' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/events/tool-library-open-hours/');

    await visit('/projects/safer-crossing/', 'project');
    const otherNews = page.locator('section', { has: page.locator('h2', { hasText: 'News about this project' }) });
    expect(await otherNews.locator('.news-card__title').allTextContents()).toEqual(['Our case for a safer crossing, heard at city hall']);
  });
});

describe('resources', () => {
  test('lists every resource, with filters that are plain links and counts', async () => {
    await visit('/resources/', 'resources-index');
    expect(await page.locator('.resource-card').count()).toBe(5);
    expect(await page.locator('.resource-filters a[aria-current="page"]').allTextContents()).toEqual(['All resources (5)']);
  });

  test('a type filter leads to a page listing only resources of that type, marked as current', async () => {
    await page.goto(new URL('/resources/', server.url).href);
    await page.locator('.resource-filters a', { hasText: 'Guide' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/resources/type/guide/');
    await visit('/resources/type/guide/', 'resources-index');
    expect(await page.locator('.resource-card__type').allTextContents()).toEqual(['Guide']);
    expect(await page.locator('.resource-filters a[aria-current="page"]').allTextContents()).toEqual(['Guide (1)']);
  });

  test('a topic filter leads to a page listing only resources on that topic', async () => {
    await page.goto(new URL('/resources/', server.url).href);
    await page.locator('.resource-filters a', { hasText: 'safe streets' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/resources/topic/safe-streets/');
    await visit('/resources/topic/safe-streets/', 'resources-index');
    const titles = await page.locator('.resource-card__title').allTextContents();
    expect(titles.sort()).toEqual(['Report a problem to the city (external site)', 'Traffic calming for neighbourhoods (external site)'].sort());
    for (const card of await page.locator('.resource-card').all()) {
      expect(await card.locator('.resource-card__topic').allTextContents()).toContain('safe streets');
    }
  });

  test('a document of the site is published with the site and downloads from its card', async () => {
    await page.goto(new URL('/resources/', server.url).href);
    const link = page.locator('.resource-card a[download]', { hasText: 'Volunteer handbook' });
    const href = await link.getAttribute('href');
    expect(href).toBe('/files/resources/volunteer-handbook.pdf');
    expect(existsSync(join(SITES.starter.dist, 'files/resources/volunteer-handbook.pdf'))).toBe(true);
    const response = await page.request.get(new URL(href!, server.url).href);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('no page asked another host for anything', () => {
    expect(requests.foreign).toEqual([]);
  });
});
