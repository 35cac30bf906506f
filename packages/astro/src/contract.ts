/**
 * The theme contract: every component a theme implements, with its props. Routes and layouts
 * import these only through `virtual:openoutreach/components/<Name>`, so a site can replace any
 * one of them in its config and switch theme without touching content.
 */
import type { Translate } from '@openoutreach/core';

export type * from './contract/shell.ts';
export type * from './contract/news.ts';
export type * from './contract/events.ts';
export type * from './contract/home.ts';
export type * from './contract/people-projects-resources.ts';
export type * from './contract/media.ts';
export type * from './contract/giving-and-forms.ts';
export type * from './contract/runtime-config.ts';
export type * from './contract/page-context.ts';
export { COMPONENT_NAMES, type ComponentName } from './contract/components.ts';
export { PAGE_TYPES, type PageType } from './contract/page-types.ts';
export type { Translate };
