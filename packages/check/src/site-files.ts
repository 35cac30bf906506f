export { filesIn, normaliseBase, resolvePath, urlPathOf, type Resolution } from '@openoutreach/core/built-site';
