export { checkLinks, siteUrlOf, type BrokenLink } from '@openoutreach/core/built-site';
