import type { CmsConfigInput } from './config.ts';

/** The input of `cmsConfig()` for tests: a one-language site on GitHub, with `changes` applied. */
export function cmsInput(changes: Partial<CmsConfigInput> = {}): CmsConfigInput {
  return {
    backend: { name: 'github', repo: 'maple-street/website', branch: 'main' },
    siteDir: '',
    settingsFile: 'src/settings/site.yaml',
    collections: ['pages', 'news'],
    locale: 'en',
    local: false,
    ...changes,
  };
}
