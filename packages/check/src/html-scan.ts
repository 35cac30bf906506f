/** The start tags of a page: core's reader, which the build's link check shares. */
export { decodeEntities, fragmentTargets, startTags, type StartTag } from '@openoutreach/core/built-site';
