// @ts-check
import { createServer, request } from 'node:http';
import { uncommittedChanges } from './git.mjs';

/** decap-server actions that write to the repository: each ends in `git add .` and a commit. */
export const WRITING_ACTIONS = new Set([
  'persistEntry',
  'persistMedia',
  'deleteFile',
  'deleteFiles',
  'deleteUnpublishedEntry',
  'publishUnpublishedEntry',
  'updateUnpublishedEntryStatus',
]);

/**
 * Why a save must wait, or undefined when it may go ahead. decap-server commits everything that
 * has changed in the site (`git add .`), so a file changed outside the CMS since the last save
 * (an editor's text editor, a script) would end up in the editor's commit under their name.
 * @param {string} siteDir
 */
export function saveBlocker(siteDir) {
  const changes = uncommittedChanges(siteDir);
  if (!changes.length) return undefined;
  const shown = changes.slice(0, 5).map((line) => line.slice(3)).join(', ');
  const more = changes.length > 5 ? ` and ${changes.length - 5} more` : '';
  return `Not saved: files of the site changed outside the CMS (${shown}${more}), and saving would commit them with your change. Commit or undo those changes, then save again.`;
}

/**
 * A proxy in front of decap-server, on the port the CMS talks to, that refuses a save while the
 * site has changes made outside the CMS. Everything else passes through unchanged.
 * @param {{ siteDir: string, port: number, upstreamPort: number }} options
 * @returns {Promise<import('node:http').Server>}
 */
export function startSaveGuard({ siteDir, port, upstreamPort }) {
  const server = createServer((incoming, outgoing) => {
    /** @type {Buffer[]} */
    const chunks = [];
    incoming.on('data', (chunk) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const blocker = incoming.method === 'POST' && WRITING_ACTIONS.has(actionOf(body)) ? saveBlocker(siteDir) : undefined;
      if (blocker) {
        // decap-server answers errors this way; the CMS shows the message to the editor.
        outgoing.writeHead(409, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': incoming.headers.origin ?? '*' });
        outgoing.end(JSON.stringify({ error: blocker }));
        return;
      }
      const forwarded = request(
        { host: '127.0.0.1', port: upstreamPort, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (response) => {
          outgoing.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(outgoing);
        },
      );
      forwarded.on('error', (error) => {
        outgoing.writeHead(502, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
        outgoing.end(JSON.stringify({ error: `The CMS backend is not answering (${error.message}).` }));
      });
      forwarded.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** @param {Buffer} body */
function actionOf(body) {
  try {
    return String(JSON.parse(body.toString('utf8')).action ?? '');
  } catch {
    return '';
  }
}
