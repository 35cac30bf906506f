import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro/content/config';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { CONTENT_TYPES, formatProblems, type Problem } from '@openoutreach/core';
import { timedOverlapping } from './build-cache/timings.ts';
import { clearProblem, loadProblem, recordProblem, renderProblem, renderProblemHtml, renderQuietly } from './render-problems.ts';

/** glob's warnings about a folder with no Markdown file in it. */
const EMPTY_FOLDER = /^(The base directory .* does not exist|No files found matching)/;

/**
 * Reads `src/content/<folder>/*.md` (and `<folder>/<locale>/*.md` on a multilingual site). A missing or empty folder is normal (a site that has not
 * written its first event, or has turned events off), so glob's warnings about it are dropped;
 * the folder is still watched, so the first file an editor adds shows up.
 */
function markdownFolder(folder: string): Loader {
  // One level of folders holds a multilingual site's languages (`news/es/*.md`); content-check
  // refuses any other folder.
  const base = `src/content/${folder}`;
  const loader = glob({ pattern: ['*.md', '*/*.md'], base: `./${base}` });
  return {
    ...loader,
    load: (context: LoaderContext) => timedOverlapping('content-sync', () => loadReportingProblems(loader, base, context as GlobContext)),
  };
}

type RenderedContent = Awaited<ReturnType<LoaderContext['renderMarkdown']>>;
type RenderFunction = (entry: { id: string; body?: string; filePath?: string }) => Promise<RenderedContent>;
/** The loader context Astro gives glob(), with the content types it renders by, which Astro's public type leaves out. */
type GlobContext = LoaderContext & { entryTypes: Map<string, { getRenderFunction?: (config: LoaderContext['config']) => Promise<RenderFunction> }> };

// glob() logs, rather than throws, a file it cannot read or render, or (in dev) reload.
const LOGGED_FAILURE = /^(?:Error reading|Error rendering|Failed to reload) (.+?): ([\s\S]*)$/;

/**
 * Runs glob() so that every file it cannot read, load or render becomes a problem in the kit's
 * words instead of a log line with a stack trace and a page with an empty body. Each problem is
 * kept for the build, which stops on them before writing any page (`astro:build:start`). In dev
 * it is printed, and the page shows it in place of the body while the server goes on.
 * A failed entry is stored with a digest of its own, so that a later sync renders it again
 * instead of reusing what it stored, and one of its problem, so that a new problem replaces it.
 */
async function loadReportingProblems(loader: Loader, base: string, context: GlobContext): Promise<void> {
  const root = fileURLToPath(context.config.root);
  // The entries that failed, each with a digest of its problem.
  const failed = new Map<string, string>();
  const report = (problem: Problem) => {
    recordProblem(problem);
    if (context.watcher) context.logger.error(`\n${formatProblems([problem])}\n`);
  };
  const logger = Object.create(context.logger, {
    warn: { value: (message: string) => EMPTY_FOLDER.test(message) || context.logger.warn(message) },
    error: {
      value: (message: string) => {
        const [, entry, reason] = LOGGED_FAILURE.exec(message) ?? [];
        report(loadProblem(entry ? `${base}/${entry}` : base, reason ?? message));
      },
    },
  }) as LoaderContext['logger'];
  const guardRender =
    (render: RenderFunction): RenderFunction =>
    async (entry) => {
      const path = entry.filePath ?? '';
      const file = relative(root, path).split('\\').join('/');
      try {
        const rendered = await renderQuietly(path, () => render(entry));
        failed.delete(entry.id);
        clearProblem(file);
        return rendered;
      } catch (error) {
        const problem = renderProblem({ file, body: entry.body, contents: existsSync(path) ? readFileSync(path, 'utf8') : undefined }, error);
        failed.set(entry.id, context.generateDigest(`${problem.message}\n${problem.fix}`));
        report(problem);
        return { html: renderProblemHtml(problem), metadata: {} };
      }
    };
  const entryTypes = new Map(
    [...context.entryTypes].map(([extension, type]) => [
      extension,
      !type.getRenderFunction
        ? type
        : { ...type, getRenderFunction: async (config: LoaderContext['config']) => guardRender(await type.getRenderFunction!(config)) },
    ]),
  );
  const store: LoaderContext['store'] = {
    ...context.store,
    set: (entry) => context.store.set(failed.has(entry.id) ? { ...entry, digest: `${entry.digest}:failed:${failed.get(entry.id)}` } : entry),
  };
  try {
    await loader.load({ ...context, logger, store, entryTypes } as LoaderContext);
  } catch (error) {
    const file = (error as { loc?: { file?: string } } | undefined)?.loc?.file;
    report(loadProblem(file ? relative(root, file) : base, error));
  }
}

/**
 * The content collections of an Open Outreach site, for its `src/content.config.ts`:
 *
 * ```ts
 * import { openOutreachCollections } from '@openoutreach/astro/content';
 * export const collections = openOutreachCollections();
 * ```
 *
 * Each collection reads `src/content/<folder>/*.md` and validates it with the core schema, with
 * Astro's `image()` so that images are optimised.
 */
export function openOutreachCollections() {
  return {
    pages: defineCollection({
      loader: markdownFolder(CONTENT_TYPES.pages.folder),
      schema: ({ image }) => CONTENT_TYPES.pages.schema({ image }),
    }),
    news: defineCollection({
      loader: markdownFolder(CONTENT_TYPES.news.folder),
      schema: ({ image }) => CONTENT_TYPES.news.schema({ image }),
    }),
    events: defineCollection({
      loader: markdownFolder(CONTENT_TYPES.events.folder),
      schema: ({ image }) => CONTENT_TYPES.events.schema({ image }),
    }),
    albums: defineCollection({
      loader: markdownFolder(CONTENT_TYPES.albums.folder),
      schema: ({ image }) => CONTENT_TYPES.albums.schema({ image }),
    }),
    people: defineCollection({
      loader: markdownFolder(CONTENT_TYPES.people.folder),
      schema: ({ image }) => CONTENT_TYPES.people.schema({ image }),
    }),
    projects: defineCollection({
      loader: markdownFolder(CONTENT_TYPES.projects.folder),
      schema: ({ image }) => CONTENT_TYPES.projects.schema({ image }),
    }),
    resources: defineCollection({
      loader: markdownFolder(CONTENT_TYPES.resources.folder),
      schema: () => CONTENT_TYPES.resources.schema(),
    }),
  };
}
