import { readFileSync } from 'node:fs';
import { CheckError } from './check-error.ts';

export const RESOURCE_KINDS = ['html', 'css', 'js', 'fonts', 'images', 'other'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export type Weights = Record<ResourceKind, number>;

/** Limits in bytes per kind of resource; a kind left out or set to `null` has no limit. */
export type Budget = Partial<Record<ResourceKind, number | null>>;

/** Budgets by page type; `default` applies to every type, a page type's own entry adds to it. */
export type Budgets = Record<string, Budget>;

const KiB = 1024;

/**
 * The kit's budgets, in uncompressed bytes of everything one page loads at a desktop viewport.
 * JavaScript is 0 by default; a page type whose feature loads code on use (a map, the photo
 * viewer, search) gets a budget of its own for the loader it carries.
 */
export const DEFAULT_BUDGETS: Budgets = {
  default: { html: 60 * KiB, css: 30 * KiB, js: 0, fonts: 150 * KiB, images: 600 * KiB, other: null },
  // The loader of the map (an event with coordinates) and of the photo viewer (an album): a few
  // hundred bytes each and Vite's 1.7 KiB preload helper. Leaflet and the viewer load on use.
  event: { js: 4 * KiB },
  album: { js: 4 * KiB },
  // The search page's own script is inline (2 KiB). Pagefind (pagefind.js and its worker, 90 KiB)
  // loads once a visitor searches; its WebAssembly and index count as `other`.
  search: { js: 100 * KiB },
};

/** Which budget a response counts against, from Chromium's resource type and its Content-Type. */
export function resourceKind(resourceType: string, contentType = ''): ResourceKind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet' || contentType.startsWith('text/css')) return 'css';
  if (resourceType === 'script' || /javascript|ecmascript/.test(contentType)) return 'js';
  if (resourceType === 'font' || contentType.startsWith('font/')) return 'fonts';
  if (resourceType === 'image' || resourceType === 'media' || contentType.startsWith('image/')) return 'images';
  return 'other';
}

export function sumWeights(resources: { kind: ResourceKind; bytes: number }[]): Weights {
  const weights = Object.fromEntries(RESOURCE_KINDS.map((kind) => [kind, 0])) as Weights;
  for (const { kind, bytes } of resources) weights[kind] += bytes;
  return weights;
}

/** The limits for one page type: the kit's, then the site's (`default` first, then the type's own). */
export function budgetFor(type: string, siteBudgets: Budgets = {}): Budget {
  return { ...DEFAULT_BUDGETS.default, ...DEFAULT_BUDGETS[type], ...siteBudgets.default, ...siteBudgets[type] };
}

/** Readable size: `0 B`, `812 B`, `12.3 KiB`, `1.4 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < KiB) return `${bytes} B`;
  if (bytes < KiB * KiB) return `${(bytes / KiB).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${(bytes / KiB / KiB).toFixed(1).replace(/\.0$/, '')} MiB`;
}

/** Each kind whose weight is over its limit, as `js 12.3 KiB, over the budget of 0 B`. */
export function overBudget(weights: Weights, budget: Budget): string[] {
  return RESOURCE_KINDS.flatMap((kind) => {
    const limit = budget[kind];
    return limit != null && weights[kind] > limit ? [`${kind} ${formatBytes(weights[kind])}, over the budget of ${formatBytes(limit)}`] : [];
  });
}

/**
 * A site's budgets from its JSON file, e.g. `{ "default": { "images": 819200 }, "news-post": { "js": 20480 } }`
 * (bytes; `null` lifts a limit). Throws a CheckError naming the file and the key that is wrong.
 */
export function readBudgets(file: string): Budgets {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
    throw new CheckError(`Cannot read the budgets file ${file}: ${reason}.`);
  }
  return parseBudgets(parsed, file);
}

export function parseBudgets(parsed: unknown, file: string): Budgets {
  const example = 'e.g. { "default": { "images": 819200 }, "news-post": { "js": 20480 } }';
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(parsed)) throw new CheckError(`${file} must hold an object of page types to budgets, ${example}.`);
  const budgets: Budgets = {};
  for (const [type, budget] of Object.entries(parsed)) {
    if (!isObject(budget)) throw new CheckError(`${file}: "${type}" must be an object of resource kinds to bytes, ${example}.`);
    budgets[type] = {};
    for (const [kind, limit] of Object.entries(budget)) {
      if (!(RESOURCE_KINDS as readonly string[]).includes(kind)) {
        throw new CheckError(`${file}: "${type}.${kind}" is not a kind of resource; use one of ${RESOURCE_KINDS.join(', ')}.`);
      }
      if (limit !== null && !(typeof limit === 'number' && Number.isFinite(limit) && limit >= 0)) {
        throw new CheckError(`${file}: "${type}.${kind}" must be a number of bytes (e.g. 61440 for 60 KiB) or null for no limit.`);
      }
      budgets[type][kind as ResourceKind] = limit;
    }
  }
  return budgets;
}
