/**
 * The one check of every address a content or settings file gives: a link, a profile, a
 * donation page, a form's endpoint. Only the kinds the site publishes are accepted, rather than
 * known bad ones refused, so `javascript:`, `data:`, `vbscript:` and any scheme a browser may
 * add later are refused in any case or spelling without being named here.
 */
import { z } from 'zod';

/** What an address may be: a web address (`https://`, `http://`), an email or phone link, or a path of this site. */
export type AddressKind = 'https' | 'http' | 'mailto' | 'tel' | 'path';

/** A link shown to visitors: a page of this site, another site, an email address or a phone number. */
export const LINK_KINDS: readonly AddressKind[] = ['path', 'https', 'http', 'mailto', 'tel'];
/** A page on another site. */
export const WEB_KINDS: readonly AddressKind[] = ['https', 'http'];
/** A page on another site, reached over an encrypted connection only (payments, forms). */
export const HTTPS_KINDS: readonly AddressKind[] = ['https'];

/** What is wrong with an address, said so that an editor can fix it. */
export interface AddressProblem {
  message: string;
  fix: string;
}

// Control characters, soft hyphen, zero-width and bidirectional marks: browsers drop or reorder
// some of them (`java\tscript:` is `javascript:` to a browser), and none belongs in an address.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** `value` quoted, with invisible characters shown as escapes (`"java\tscript:"`). */
const quoted = (value: string) =>
  JSON.stringify(value).replace(
    /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

const FIXES: Record<AddressKind, string> = {
  path: 'a page of this site starting with a single / (e.g. /news/)',
  https: 'a full web address starting with https:// (e.g. https://example.org/page)',
  http: '',
  mailto: 'mailto: and an email address (e.g. mailto:hello@example.org)',
  tel: 'tel: and a phone number (e.g. tel:+15550100)',
};

/** The fix of a refused address: what the field accepts, in words. */
export function addressFix(accept: readonly AddressKind[]): string {
  const forms = accept.map((kind) => FIXES[kind]).filter(Boolean);
  const list = forms.length > 1 ? `${forms.slice(0, -1).join(', ')} or ${forms.at(-1)}` : forms[0];
  return `write ${list}.`;
}

/** The kind an address is written as, whether or not it is well formed; undefined for none. */
function kindOf(value: string): AddressKind | undefined {
  if (value.startsWith('/') || value.startsWith('#')) return 'path';
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  return scheme === 'https' || scheme === 'http' || scheme === 'mailto' || scheme === 'tel' ? scheme : undefined;
}

function decoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** The problem of an address whose kind is known, or undefined when it is well formed. */
function formProblem(value: string, kind: AddressKind, shown: string, fix: string): AddressProblem | undefined {
  if (kind === 'path') {
    const plain = decoded(value);
    if (plain === undefined)
      return { message: `${shown} has a % that is not followed by two hexadecimal digits`, fix: `write %25 for a % sign, or ${fix.replace(/^write /, '')}` };
    // `//host` and `/\host` (also written `/%2F`, `/%5C`) lead browsers to another site.
    if (/^[/\\]{2}/.test(value) || /^[/\\]{2}/.test(plain))
      return {
        message: `${shown} starts with two slashes, which leads to another site, not a page of this one`,
        fix: 'start a page of this site with a single / (e.g. /news/); write another site in full, starting with https://.',
      };
    if (INVISIBLE.test(plain) || plain.includes('\\')) return { message: `${shown} hides a control character or a backslash in a % escape`, fix };
    if (/\s/.test(value)) return { message: `${shown} contains a space`, fix: 'remove the spaces (write %20 where a space belongs in the address).' };
    return undefined;
  }
  if (kind === 'https' || kind === 'http') {
    const url = URL.parse(value);
    if (!/^https?:\/\/[^/\\]/i.test(value) || !url || !url.hostname.includes('.') || /\s/.test(value)) {
      return {
        message: `${shown} is not a full web address`,
        fix: 'write the whole address without spaces, as the browser shows it, e.g. https://example.org/page.',
      };
    }
    if (url.username || url.password)
      return {
        message: `${shown} has a name and an @ before the site, which hides the site it really leads to`,
        fix: `write the address of the site itself, e.g. https://${url.host}${url.pathname}.`,
      };
    return undefined;
  }
  if (kind === 'mailto' && !/^mailto:[^@\s/]+@[^@\s/?]+\.[^@\s/?]+(\?.*)?$/i.test(value)) {
    return { message: `${shown} is not an email link`, fix: 'write mailto: and the email address, e.g. mailto:hello@example.org.' };
  }
  if (kind === 'tel' && !/^tel:\+?[0-9][0-9 ().-]*$/i.test(value)) {
    return { message: `${shown} is not a phone link`, fix: 'write tel: and the number with digits only, e.g. tel:+15550100.' };
  }
  return undefined;
}

/**
 * What is wrong with `value` as an address of one of the kinds in `accept`, or undefined when
 * it is one. The value is taken as written, after trimming: browsers drop tabs and line breaks
 * inside an address, so any control or invisible character is refused rather than removed.
 */
export function addressProblem(value: string, accept: readonly AddressKind[] = LINK_KINDS): AddressProblem | undefined {
  const shown = quoted(value);
  const fix = addressFix(accept);
  if (INVISIBLE.test(value))
    return { message: `${shown} contains an invisible or control character (a tab, a line break…)`, fix: `retype the address by hand; ${fix}` };
  if (value.includes('\\')) return { message: `${shown} contains a backslash (\\), which browsers read as /`, fix: `write / instead of \\; ${fix}` };
  if (value.startsWith('//')) return { message: `${shown} starts with two slashes, which leads to another site, not a page of this one`, fix };
  const kind = kindOf(value);
  if (!kind) {
    const scheme = SCHEME.exec(value)?.[1];
    if (scheme) return { message: `${shown} starts with "${scheme}:", which the site does not publish as a link`, fix };
    return { message: `${shown} is neither a full address nor a page of this site`, fix };
  }
  if (!accept.includes(kind)) {
    if (kind === 'http' && accept.includes('https'))
      return { message: `${shown} is not encrypted (http://)`, fix: `write https:// instead of http://; ${fix}` };
    return { message: `${shown} is ${kind === 'path' ? 'a path of this site' : `a ${kind}: link`}, which this field does not take`, fix };
  }
  return formProblem(value, kind, shown, fix);
}

/**
 * An address field: trimmed, then refused unless it is one of the kinds in `accept` (a link by
 * default: a path of this site, `https://`, `http://`, `mailto:` or `tel:`). The issue carries
 * its fix (see problems.ts). The kinds are kept in the schema's metadata (`address`), which
 * `documented()` keeps, so the CMS can check the field as the editor types (`addressKindsOf()`).
 */
export const addressField = (accept: readonly AddressKind[] = LINK_KINDS, error = `give the address: ${addressFix(accept).replace(/^write /, '')}`) =>
  z
    .string({ error })
    .trim()
    .superRefine((value, ctx) => {
      const problem = addressProblem(value, accept);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { fix: problem.fix } });
    })
    .meta({ address: [...accept] });

/** The kinds an address field takes, or undefined for a schema that is not one. */
export function addressKindsOf(schema: z.core.$ZodType): readonly AddressKind[] | undefined {
  const address = (z.globalRegistry.get(schema) as { address?: unknown } | undefined)?.address;
  return Array.isArray(address) ? (address as AddressKind[]) : undefined;
}

/** `word` matched in any case without a flag, as Decap's `pattern` has none. */
const anyCase = (word: string) => word.replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`);

const NOT_IN_ADDRESS = '\\s\\\\\\u0000-\\u001f\\u007f';
const PATTERNS: Record<AddressKind, string> = {
  path: `/(?![/\\\\])[^${NOT_IN_ADDRESS}]*|#[^${NOT_IN_ADDRESS}]*`,
  https: `${anyCase('https')}://[^${NOT_IN_ADDRESS}/@]+\\.[^${NOT_IN_ADDRESS}]*`,
  http: `${anyCase('http')}://[^${NOT_IN_ADDRESS}/@]+\\.[^${NOT_IN_ADDRESS}]*`,
  mailto: `${anyCase('mailto')}:[^${NOT_IN_ADDRESS}@/]+@[^${NOT_IN_ADDRESS}@/?]+\\.[^${NOT_IN_ADDRESS}@/?]+(?:\\?.*)?`,
  tel: `${anyCase('tel')}:\\+?[0-9][0-9 ().-]*`,
};

/**
 * A regular expression, as source text, that the addresses of the kinds in `accept` match: the
 * CMS's `pattern`, which catches most mistakes as the editor types. It is looser than
 * `addressProblem()`, which the build runs and which decides.
 */
export function addressPattern(accept: readonly AddressKind[]): string {
  return `^\\s*(?:${accept.map((kind) => PATTERNS[kind]).join('|')})\\s*$`;
}
