/** The link gate's checker: core's one link checker, which the build's link check runs too. */
export { checkLinks, siteUrlOf, type BrokenLink } from '@openoutreach/core/built-site';
