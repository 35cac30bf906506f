import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImports, withoutLine } from './check-imports.mjs';

const repository = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Findings the kit still has, while issue 10's refactoring removes them. This list may only
 * shrink: the test fails on a finding not listed here and on a listed one that is gone, so the
 * list stays true (copy the line the failure prints). Lines are findings without "(line N)".
 */
const KNOWN: string[] = [];

describe('the kit’s imports', () => {
  const findings = checkImports(repository);
  const all = [...findings.moduleCycles, ...findings.packageCycles, ...findings.themeImports.map(withoutLine)];

  it('parse in every source file', () => {
    expect(findings.scanned).toBeGreaterThan(100);
    expect(findings.errors).toEqual([]);
  });

  it('have no cycle and no theme import of the integration beyond its contract, other than those known', () => {
    const added = all.filter((finding) => !KNOWN.includes(finding));
    const gone = KNOWN.filter((finding) => !all.includes(finding));
    const message = [
      ...added.map((finding) => `new: ${finding}`),
      ...gone.map((finding) => `gone (take it off KNOWN in scripts/imports/check-imports.test.ts): ${finding}`),
    ].join('\n');
    expect(message).toBe('');
  });
});

describe('checkImports', () => {
  const root = mkdtempSync(join(tmpdir(), 'check-imports-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, content: string | object) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), typeof content === 'string' ? content : JSON.stringify(content));
  };
  write('package.json', { workspaces: ['packages/*', 'themes/*', 'starter'] });
  write('packages/astro/package.json', {
    name: '@openoutreach/astro',
    exports: { '.': './src/index.ts', './contract': './src/contract.ts', './runtime': './src/runtime/index.ts', './routes/*': './src/routes/*' },
    dependencies: { '@openoutreach/theme-demo': '0.1.0', zod: '^4' },
  });
  write('packages/astro/src/index.ts', "import { z } from 'zod';\nimport './routes/page.astro';\nexport const a = z;");
  write('packages/astro/src/contract.ts', "export type * from './contract/news.ts';\nexport type Locale = string;");
  write('packages/astro/src/contract/news.ts', "import type { Locale } from '../contract.ts';\nexport type News = { locale: Locale };");
  write('packages/astro/src/runtime/index.ts', "export * from './site-paths';\nexport const config = {};");
  write('packages/astro/src/runtime/site-paths.ts', "import { config } from './index.js';\nexport const paths = config;");
  write('packages/astro/src/routes/page.astro', "---\nimport Layout from '@openoutreach/theme-demo/layouts/Page.astro';\n---\n<Layout />");
  write('themes/demo/package.json', {
    name: '@openoutreach/theme-demo',
    exports: { './layouts/*': './src/layouts/*' },
    peerDependencies: { '@openoutreach/astro': '0.1.0', astro: '^7' },
  });
  write(
    'themes/demo/src/layouts/Page.astro',
    [
      '---',
      "import type { Locale } from '@openoutreach/astro/contract';",
      "import Header from 'virtual:openoutreach/components/Header';",
      "import { localeContext } from '@openoutreach/astro/runtime';",
      '---',
      '<Header />',
      "<script is:inline>import '@openoutreach/astro';</script>",
      "<script>import { paths } from '../../../../packages/astro/src/runtime/site-paths.ts';</script>",
    ].join('\n'),
  );
  write('themes/demo/src/format.ts', "import { type Locale, localeName } from '@openoutreach/astro/contract';\nexport const f = localeName;");
  write('starter/package.json', { name: 'starter', dependencies: { '@openoutreach/astro': '0.1.0', '@openoutreach/theme-demo': '0.1.0' } });

  const findings = checkImports(root);

  it('finds import cycles, through type-only imports, re-exports and imports without extension or with .js', () => {
    expect(findings.moduleCycles).toEqual([
      'packages/astro/src/contract.ts ↔ packages/astro/src/contract/news.ts',
      'packages/astro/src/runtime/index.ts ↔ packages/astro/src/runtime/site-paths.ts',
    ]);
  });

  it('finds a cycle among the packages’ dependencies and peer dependencies', () => {
    expect(findings.packageCycles).toEqual(['@openoutreach/astro ↔ @openoutreach/theme-demo']);
  });

  it('finds a theme importing the integration beyond the contract’s types, in frontmatter and bundled scripts', () => {
    expect(findings.themeImports).toEqual([
      'themes/demo/src/format.ts imports @openoutreach/astro/contract as values, not only types (line 1)',
      'themes/demo/src/layouts/Page.astro imports ../../../../packages/astro/src/runtime/site-paths.ts (line 8)',
      'themes/demo/src/layouts/Page.astro imports @openoutreach/astro/runtime (line 4)',
    ]);
    expect(findings.errors).toEqual([]);
  });

  it('names a file it cannot parse', () => {
    write('themes/demo/src/broken.ts', 'import { from "x";');
    expect(checkImports(root).errors.join('\n')).toContain('themes/demo/src/broken.ts');
    rmSync(join(root, 'themes/demo/src/broken.ts'));
  });
});
