import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenLinkProblems } from './built-links.ts';

function site(files: Record<string, string>): { root: string; outDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'oo-links-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  return { root, outDir: join(root, 'dist') };
}

const page = (body: string, menu = '<a href="/news/">News</a>') => `<html><body><nav>${menu}</nav><main>${body}</main></body></html>`;

describe('links of the built site', () => {
  it('are checked again when a page or the files change after a check that found nothing', () => {
    const { root, outDir } = site({
      'dist/index.html': page('<a href="/about/">About</a> <img src="/_astro/a.webp">'),
      'dist/about/index.html': page(''),
      'dist/news/index.html': page(''),
      'dist/_astro/a.webp': '',
    });
    const cacheDir = join(root, 'cache');
    const check = () => brokenLinkProblems(outDir, '', root, 'src/settings/site.yaml', { cacheDir });
    expect(check()).toEqual([]);
    expect(check()).toEqual([]);
    rmSync(join(outDir, '_astro/a.webp'));
    expect(check()).toEqual([expect.objectContaining({ message: expect.stringContaining('/_astro/a.webp') })]);
    writeFileSync(join(outDir, '_astro/a.webp'), '');
    expect(check()).toEqual([]);
    writeFileSync(join(outDir, 'about/index.html'), page('<a href="/abuot/">typo</a>'));
    expect(check()).toEqual([expect.objectContaining({ message: expect.stringContaining('/abuot/') })]);
    // With the same files, the pages that changed are checked again.
    writeFileSync(join(outDir, 'about/index.html'), page('<a href="/news/">News</a>'));
    expect(check()).toEqual([]);
    writeFileSync(join(outDir, 'news/index.html'), page('<a href="/nowhere/">gone</a>'));
    expect(check()).toEqual([expect.objectContaining({ file: 'the built page /news/', message: expect.stringContaining('/nowhere/') })]);
  });

  it('pass when every internal link, image and srcset candidate resolves', () => {
    const { root, outDir } = site({
      'dist/index.html': page(
        '<a href="/about/">About</a> <img src="/_astro/a.webp" srcset="/_astro/a.webp 400w, /_astro/b.webp 800w"> <a href="/rss.xml">RSS</a> <a href="https://elsewhere.example/">x</a> <a href="#top">top</a>',
      ),
      'dist/about/index.html': page('<a href="/">Home</a> <a href="/about">same page without slash</a>'),
      'dist/news/index.html': page(''),
      'dist/_astro/a.webp': '',
      'dist/_astro/b.webp': '',
      'dist/rss.xml': '',
    });
    expect(brokenLinkProblems(outDir, '', root, 'src/settings/site.yaml')).toEqual([]);
  });

  it('name the content file whose text holds a broken link', () => {
    const { root, outDir } = site({
      'src/content/pages/about.md': '',
      'src/content/news/fair.md': '',
      'dist/index.html': page(''),
      'dist/news/index.html': page(''),
      'dist/about/index.html': page('<a href="/abuot/">typo</a>'),
      'dist/news/fair/index.html': page('<img src="/_astro/gone.webp">'),
    });
    const problems = brokenLinkProblems(outDir, '', root, 'src/settings/site.yaml');
    expect(problems).toEqual([
      expect.objectContaining({ file: 'src/content/pages/about.md', field: 'body', message: expect.stringContaining('/abuot/') }),
      expect.objectContaining({ file: 'src/content/news/fair.md', field: 'body', message: expect.stringContaining('/_astro/gone.webp') }),
    ]);
  });

  it('name the event file whose page holds a broken link', () => {
    const { root, outDir } = site({
      'src/content/events/clean-up.md': '',
      'dist/index.html': page(''),
      'dist/news/index.html': page(''),
      'dist/events/clean-up/index.html': page('<a href="/events/clean-up.ics">ok</a> <a href="/volunter/">typo</a>'),
      'dist/events/clean-up.ics': '',
    });
    expect(brokenLinkProblems(outDir, '', root, 'src/settings/site.yaml')).toEqual([
      expect.objectContaining({ file: 'src/content/events/clean-up.md', field: 'body', message: expect.stringContaining('/volunter/') }),
    ]);
  });

  it('name the content file of a link with a "%" that starts no escape, instead of crashing', () => {
    const { root, outDir } = site({
      'src/content/pages/about.md': '',
      'dist/index.html': page(''),
      'dist/news/index.html': page(''),
      'dist/about/index.html': page('<a href="/news/%zz/">bad escape</a> <a href="/100%25/">ok</a> <img src="/a%.webp">'),
      'dist/100%/index.html': page(''),
    });
    expect(brokenLinkProblems(outDir, '', root, 'src/settings/site.yaml')).toEqual([
      {
        file: 'src/content/pages/about.md',
        field: 'body',
        message: 'the link /news/%zz/ has a "%" that starts no escape (after "%" come two hexadecimal digits, as in %20)',
        fix: 'write a "%" that belongs in the address as %25, or correct the escape (e.g. %20 for a space), or remove the link.',
      },
      expect.objectContaining({ file: 'src/content/pages/about.md', message: expect.stringContaining('/a%.webp has a "%"') }),
    ]);
  });

  it('blame the settings once for a broken menu link found on every page', () => {
    const menu = '<a href="/donate/">Donate</a>';
    const { root, outDir } = site({ 'dist/index.html': page('', menu), 'dist/about/index.html': page('', menu) });
    const problems = brokenLinkProblems(outDir, '', root, 'src/settings/site.yaml');
    expect(problems).toEqual([expect.objectContaining({ file: 'src/settings/site.yaml', field: 'navigation' })]);
  });

  it('under a base path, report links that leave it', () => {
    const { root, outDir } = site({
      'src/content/pages/home.md': '',
      'dist/index.html': '<a href="/my-repo/about/">ok</a> <a href="/about/">leaves the base</a>',
      'dist/about/index.html': '<a href="/my-repo/">home</a>',
    });
    const problems = brokenLinkProblems(outDir, '/my-repo', root, 'src/settings/site.yaml');
    expect(problems).toEqual([
      expect.objectContaining({ file: 'src/content/pages/home.md', message: expect.stringContaining("leaves the site's base path /my-repo/") }),
    ]);
  });
});

describe('a broken link on every page', () => {
  const everywhere = (link: string) => {
    const menu = `<a href="/news/">News</a><aside><a href="${link}">Read more</a></aside>`;
    return site({
      'dist/index.html': page('', menu),
      'dist/news/index.html': page('', menu),
      'dist/es/index.html': page('', menu.replace(link, `/es${link}`)),
    });
  };

  it('is blamed on the announcement banner when it is the banner’s link, in any language', () => {
    const { root, outDir } = everywhere('/news/gone/');
    const problems = brokenLinkProblems(outDir, '', root, 'src/settings/site.yaml', { announcementLink: '/news/gone/', locales: ['en', 'es'] });
    expect(problems.map(({ field, message }) => ({ field, message }))).toEqual([
      { field: 'announcement.link', message: "the link /news/gone/ leads to no page of this site (it is the announcement banner's link)" },
    ]);
  });

  it('is blamed on a menu otherwise, once for all languages', () => {
    const { root, outDir } = everywhere('/news/gone/');
    expect(brokenLinkProblems(outDir, '', root, 'src/settings/site.yaml', { announcementLink: '/events/', locales: ['en', 'es'] })).toEqual([
      expect.objectContaining({
        field: 'navigation',
        message: 'the link /news/gone/ leads to no page of this site (it is on every page, so it comes from a menu)',
      }),
    ]);
  });
});

it('names the translation a broken link is written in', () => {
  const { root, outDir } = site({
    'src/content/news/es/feria.md': '---\ntitle: Feria\n---\n',
    'dist/index.html': page(''),
    'dist/news/index.html': page(''),
    'dist/es/news/feria/index.html': page('<a href="/es/sobre/">Sobre</a>'),
  });
  expect(brokenLinkProblems(outDir, '', root, 'src/settings/site.yaml', { locales: ['en', 'es'] })).toEqual([
    expect.objectContaining({ file: 'src/content/news/es/feria.md', field: 'body' }),
  ]);
});
