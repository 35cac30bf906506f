export { decodeEntities, fragmentTargets, startTags, type StartTag } from '@openoutreach/core/built-site';
