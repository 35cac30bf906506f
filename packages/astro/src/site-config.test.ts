import { describe, expect, it } from 'vitest';
import { siteConfigProblems, type SiteAstroConfig } from './site-config.ts';

const DEFAULTS: SiteAstroConfig = { site: 'https://example.org', trailingSlash: 'ignore', build: { format: 'directory' } };

describe('siteConfigProblems', () => {
  it("keeps a site's own trailingSlash when the kit works with it", () => {
    expect(siteConfigProblems(DEFAULTS)).toEqual([]);
    expect(siteConfigProblems({ ...DEFAULTS, trailingSlash: 'always' })).toEqual([]);
  });

  it("stops on a trailingSlash that would refuse the kit's links, naming the file, the option and the fix", () => {
    expect(siteConfigProblems({ ...DEFAULTS, trailingSlash: 'never' })).toEqual([
      {
        file: 'astro.config.mjs',
        field: 'trailingSlash',
        message: 'it is "never", but every link Open Outreach writes to a page ends with a slash (e.g. /news/fair/), which such a site would refuse',
        fix: "remove `trailingSlash`, or set it to 'ignore' or 'always'.",
      },
    ]);
  });

  it.each(['file', 'preserve'] as const)('stops on build.format "%s": every page is a folder with an index.html', (format) => {
    expect(siteConfigProblems({ ...DEFAULTS, build: { format } })).toEqual([
      expect.objectContaining({
        file: 'astro.config.mjs',
        field: 'build.format',
        message: expect.stringContaining(`it is "${format}"`),
        fix: expect.stringContaining("'directory'"),
      }),
    ]);
  });

  it('asks for the address of the published site', () => {
    expect(siteConfigProblems({ ...DEFAULTS, site: undefined })).toEqual([expect.objectContaining({ field: 'site' })]);
  });
});
