/** A built site's files and the URL paths a static host serves them at: core's, shared with the build. */
export { filesIn, normaliseBase, resolvePath, urlPathOf, type Resolution } from '@openoutreach/core/built-site';
