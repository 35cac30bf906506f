/**
 * The pages the sign-in popup shows. The last one speaks Decap's popup protocol
 * (decap-cms-lib-auth's netlify-auth.js): it tells its opener `authorizing:github`; the CMS
 * echoes that back, which tells the popup the opener's origin; only an allowed origin is then
 * sent `authorization:github:success:{"token":…,"provider":"github"}` (or `…:error:{…}`), and
 * only to that origin, never to `*`.
 */

export interface PopupMessage {
  outcome: 'success' | 'error';
  /** `{ token, provider }` on success, `{ message }` on error: what Decap reads. */
  data: Record<string, string>;
  /** The origins that may receive the message. */
  origins: string[];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** JSON that cannot end its `<script>` element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * A page of the popup: a heading and a sentence for the person signing in, and, with a
 * `message`, the script that hands it to the CMS. The script is allowed by its nonce alone.
 */
export function popupPage({ title, text, message, nonce }: { title: string; text: string; message?: PopupMessage; nonce: string }): string {
  const script = message
    ? `<script nonce="${nonce}">
(() => {
  const provider = 'github';
  const origins = ${scriptJson(message.origins)};
  const text = ${scriptJson(`authorization:github:${message.outcome}:${JSON.stringify(message.data)}`)};
  const status = document.getElementById('status');
  if (!window.opener) {
    status.textContent = 'Open the sign-in from your site’s CMS (its /admin/ page): this window has no CMS to hand the sign-in to.';
    return;
  }
  window.addEventListener('message', (event) => {
    if (event.data !== 'authorizing:' + provider || event.source !== window.opener) return;
    if (!origins.includes(event.origin)) {
      status.textContent = 'Refused: ' + event.origin + ' is not a site this sign-in server works for. Ask the co-op to add it.';
      return;
    }
    window.opener.postMessage(text, event.origin);
  });
  window.opener.postMessage('authorizing:' + provider, '*');
})();
</script>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p id="status">${escapeHtml(text)}</p>
</main>
${script}
</body>
</html>
`;
}

/** The headers of every popup page: nothing cached, nothing leaked, only the nonce's script. */
export function popupHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  };
}
