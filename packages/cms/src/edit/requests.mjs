// @ts-check

/** decap-server takes request bodies up to 50 MB (images arrive base64-encoded in them). */
export const BODY_LIMIT = 50 * 1024 * 1024;

/**
 * The decap-server actions the kit's CMS uses: it publishes at once (`publish_mode: simple`),
 * so the editorial workflow's actions, which switch branches, are never needed.
 */
export const READING_ACTIONS = new Set(['info', 'entriesByFolder', 'entriesByFiles', 'getEntry', 'getMedia', 'getMediaFile', 'getDeployPreview']);
/** Actions that write to the site folder; each ends in `git add .` and a commit. */
export const WRITING_ACTIONS = new Set(['persistEntry', 'persistMedia', 'deleteFile', 'deleteFiles']);

/**
 * A refusal: the HTTP status and the message the CMS shows the editor.
 * @typedef {{ status: number, error: string }} Refusal
 */

/**
 * The origins the admin page is served from: the site's preview server on this computer.
 * @param {number} sitePort
 */
export const siteOrigins = (sitePort) => [`http://127.0.0.1:${sitePort}`, `http://localhost:${sitePort}`];

/**
 * Why a request is refused for who sent it, or undefined. The `Host` must name this computer
 * and the guard's own port: a page whose domain was rebound to 127.0.0.1 (DNS rebinding) sends
 * its own name. The `Origin`, which browsers send with every POST, must be the site's own;
 * a program on this computer may leave it out (it could write the files itself anyway).
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {{ port: number, origins: string[] }} allowed
 * @returns {Refusal | undefined}
 */
export function senderRefusal(headers, { port, origins }) {
  const host = headers.host ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return { status: 403, error: `Refused: this CMS backend answers only requests addressed to 127.0.0.1:${port}, not ${JSON.stringify(host)}.` };
  }
  const origin = headers.origin;
  if (origin !== undefined && !origins.includes(origin)) {
    return { status: 403, error: `Refused: only the site's own CMS (${origins[0]}/admin/) may use this backend.` };
  }
  return undefined;
}

/**
 * Reads a request to decap-server's API the way the guard can check it: plain (not compressed)
 * UTF-8 JSON, an object with a known `action` and an object of `params`. Anything else is a
 * refusal, so that nothing reaches decap-server that the guard could not read.
 * @param {import('node:http').IncomingMessage} incoming
 * @returns {Promise<{ action: string, params: Record<string, any>, body: Record<string, any> } | Refusal>}
 */
export async function readApiRequest(incoming) {
  const encoding = (incoming.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') return { status: 415, error: `Refused: the request is compressed (Content-Encoding: ${encoding}); send it as plain JSON.` };
  const type = (incoming.headers['content-type'] ?? '').toLowerCase().replace(/\s+/g, '');
  if (type !== 'application/json' && type !== 'application/json;charset=utf-8') {
    return { status: 415, error: 'Refused: the request must be JSON in UTF-8 (Content-Type: application/json).' };
  }
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += chunk.length;
    if (size > BODY_LIMIT) return { status: 413, error: 'Refused: the request is larger than 50 MB; upload a smaller file.' };
    chunks.push(chunk);
  }
  let body;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    return { status: 400, error: 'Refused: the request is not valid UTF-8 JSON.' };
  }
  const action = body?.action;
  if (typeof action !== 'string' || (!READING_ACTIONS.has(action) && !WRITING_ACTIONS.has(action))) {
    return { status: 422, error: `Refused: ${JSON.stringify(action) ?? 'a request without an action'} is not an action the site's CMS uses.` };
  }
  const params = body.params ?? {};
  if (typeof params !== 'object' || Array.isArray(params)) return { status: 422, error: `Refused: the ${action} request's params are not an object.` };
  return { action, params, body };
}
