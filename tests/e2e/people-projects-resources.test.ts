import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SITES } from '../support/sites.ts';
import { axeInLightAndDark, visitSite } from '../support/visitor.ts';

/** The starter's people, projects and resources, browsed as a visitor in real Chromium. */
const site = visitSite(SITES.starter.dist);

async function visit(path: string, pageType: string) {
  const response = await site.page.goto(new URL(path, site.server.url).href);
  expect(response?.status(), path).toBe(200);
  expect(await site.page.locator('body').getAttribute('data-page-type'), path).toBe(pageType);
  expect(await site.page.locator('h1').count(), `${path} has one h1`).toBe(1);
  expect(await site.page.locator('script:not([type="application/ld+json"])').count(), `${path} ships no script`).toBe(0);
  expect(await axeInLightAndDark(site.page), `${path} passes axe`).toEqual([]);
}

/** The heading levels of the main content, in order. */
const headingLevels = () =>
  site.page
    .locator('main')
    .locator('h1, h2, h3, h4')
    .evaluateAll((headings) => headings.map((heading) => Number(heading.tagName[1])));

describe('people', () => {
  test('the people page lists people by group, each card leading to the person’s page', async () => {
    await visit('/people/', 'people-index');
    const groups = await site.page.locator('main h2').allTextContents();
    expect(groups.slice(0, 3)).toEqual(['Board', 'Staff', 'Volunteers']);
    expect(groups).toContain('Festival committee');
    const levels = await headingLevels();
    expect(
      levels.every((level, index) => index === 0 || level <= levels[index - 1]! + 1),
      'headings never skip a level',
    ).toBe(true);
    const board = site.page.locator('section', { has: site.page.locator('h2', { hasText: 'Board' }) });
    expect(await board.locator('.person-card__name').allTextContents()).toEqual(['Priya Raman', 'Daniel Okafor']);
    expect(await board.locator('.person-card__role').first().textContent()).toBe('Chair');
    expect(
      await site.page.locator('.person-card img').evaluateAll((images) => images.every((image) => (image as HTMLImageElement).alt.trim().length > 0)),
    ).toBe(true);

    await board.locator('a', { hasText: 'Priya Raman' }).click();
    await site.page.waitForLoadState();
    expect(new URL(site.page.url()).pathname).toBe('/people/priya-raman/');
    await visit('/people/priya-raman/', 'person');
    expect(await site.page.locator('h1').textContent()).toBe('Priya Raman');
    expect(await site.page.locator('a[href="mailto:priya@example.org"]').count()).toBe(1);
  });

  test('a news post with a person is linked to that person’s page', async () => {
    await site.page.goto(new URL('/news/safer-crossing-at-city-hall/', site.server.url).href);
    await site.page.locator('main a[href="/people/priya-raman/"]').first().click();
    await site.page.waitForLoadState();
    expect(await site.page.locator('h1').textContent()).toBe('Priya Raman');
  });
});

describe('projects', () => {
  test('the projects page groups projects by status', async () => {
    await visit('/projects/', 'projects-index');
    expect(await site.page.locator('main h2').allTextContents()).toEqual(['Active projects', 'Completed projects']);
    const completed = site.page.locator('section', { has: site.page.locator('h2', { hasText: 'Completed projects' }) });
    expect(await completed.locator('.project-card__title').allTextContents()).toEqual(['A tool library for the street']);
  });

  test('a project page lists the news posts and events that name the project, and only those', async () => {
    await visit('/projects/tool-library/', 'project');
    const news = site.page.locator('section', { has: site.page.locator('h2', { hasText: 'News about this project' }) });
    expect(await news.locator('.news-card__title').allTextContents()).toEqual(['The tool library is open']);
    const events = site.page.locator('section', { has: site.page.locator('h2', { hasText: 'Events of this project' }) });
    expect(await events.locator('.event-card__title').allTextContents()).toEqual(['Tool library open hours']);
    await events.locator('a', { hasText: 'Tool library open hours' }).click();
    await site.page.waitForLoadState();
    expect(new URL(site.page.url()).pathname).toBe('/events/tool-library-open-hours/');

    await visit('/projects/safer-crossing/', 'project');
    const otherNews = site.page.locator('section', { has: site.page.locator('h2', { hasText: 'News about this project' }) });
    expect(await otherNews.locator('.news-card__title').allTextContents()).toEqual(['Our case for a safer crossing, heard at city hall']);
  });
});

describe('resources', () => {
  test('lists every resource, with filters that are plain links and counts', async () => {
    await visit('/resources/', 'resources-index');
    expect(await site.page.locator('.resource-card').count()).toBe(5);
    expect(await site.page.locator('.resource-filters a[aria-current="page"]').allTextContents()).toEqual(['All resources (5)']);
  });

  test('a type filter leads to a page listing only resources of that type, marked as current', async () => {
    await site.page.goto(new URL('/resources/', site.server.url).href);
    await site.page.locator('.resource-filters a', { hasText: 'Guide' }).click();
    await site.page.waitForLoadState();
    expect(new URL(site.page.url()).pathname).toBe('/resources/type/guide/');
    await visit('/resources/type/guide/', 'resources-index');
    expect(await site.page.locator('.resource-card__type').allTextContents()).toEqual(['Guide']);
    expect(await site.page.locator('.resource-filters a[aria-current="page"]').allTextContents()).toEqual(['Guide (1)']);
  });

  test('a topic filter leads to a page listing only resources on that topic', async () => {
    await site.page.goto(new URL('/resources/', site.server.url).href);
    await site.page.locator('.resource-filters a', { hasText: 'safe streets' }).click();
    await site.page.waitForLoadState();
    expect(new URL(site.page.url()).pathname).toBe('/resources/topic/safe-streets/');
    await visit('/resources/topic/safe-streets/', 'resources-index');
    const titles = await site.page.locator('.resource-card__title').allTextContents();
    expect(titles.sort()).toEqual(['Report a problem to the city (external site)', 'Traffic calming for neighbourhoods (external site)'].sort());
    for (const card of await site.page.locator('.resource-card').all()) {
      expect(await card.locator('.resource-card__topic').allTextContents()).toContain('safe streets');
    }
  });

  test('a document of the site is published with the site and downloads from its card', async () => {
    await site.page.goto(new URL('/resources/', site.server.url).href);
    const link = site.page.locator('.resource-card a[download]', { hasText: 'Volunteer handbook' });
    const href = await link.getAttribute('href');
    expect(href).toBe('/files/resources/volunteer-handbook.pdf');
    expect(existsSync(join(SITES.starter.dist, 'files/resources/volunteer-handbook.pdf'))).toBe(true);
    const response = await site.page.request.get(new URL(href!, site.server.url).href);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('no page asked another host for anything', () => {
    expect(site.requests.foreign).toEqual([]);
  });
});
