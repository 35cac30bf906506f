/**
 * The integration's middleware: gives every page its page context, `Astro.locals.openOutreach`,
 * before it renders (in the dev server and for each page a build prerenders).
 */
import { defineMiddleware } from 'astro:middleware';
import { createPageContext, pageLocale } from './runtime/page-context.ts';

export const onRequest = defineMiddleware((context, next) => {
  context.locals.openOutreach = createPageContext(pageLocale(context.props, context.url.pathname), context.routePattern);
  return next();
});
