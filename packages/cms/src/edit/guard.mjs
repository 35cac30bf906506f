// @ts-check
import { createServer, request } from 'node:http';
import { changesOutsideTheCms, currentBranch } from './git.mjs';
import { pathProblem, requestedPaths } from './paths.mjs';
import { readApiRequest, senderRefusal, WRITING_ACTIONS } from './requests.mjs';

export { WRITING_ACTIONS } from './requests.mjs';

/**
 * Why a save must wait, or undefined when it may go ahead. A commit takes in whatever is
 * staged anywhere in the repository, and decap-server stages all that changed in the site
 * (`git add .`), so a file changed outside the CMS since the last save (in a text editor, by a
 * script) would end up in the editor's commit under their name: any change in the whole
 * repository holds the save up.
 * @param {string} siteDir
 */
export function saveBlocker(siteDir) {
  const changes = changesOutsideTheCms(siteDir);
  if (!changes.length) return undefined;
  const shown = changes.slice(0, 5).join(', ');
  const more = changes.length > 5 ? ` and ${changes.length - 5} more` : '';
  return `Not saved: files in the repository changed outside the CMS (${shown}${more}), and saving would commit them with your change. Commit or undo those changes, then save again.`;
}

/**
 * Why the checked request `action` must not reach decap-server, or undefined.
 * @param {string} siteDir
 * @param {string} action
 * @param {Record<string, any>} params
 */
function contentRefusal(siteDir, action, params) {
  // decap-server checks out the branch a request names, files of the site's code included.
  const branch = currentBranch(siteDir);
  if (action !== 'info' && params.branch !== branch) {
    return `${WRITING_ACTIONS.has(action) ? 'Not saved' : 'Refused'}: the CMS works on the branch ${JSON.stringify(params.branch)}, but the repository is on ${branch ? JSON.stringify(branch) : 'no branch'}. Switch back, or stop local editing and start it again.`;
  }
  if (action === 'persistEntry' && params.options?.useWorkflow !== false) {
    return 'Not saved: this site publishes each save at once; the editorial workflow is off.';
  }
  const { reads, writes } = requestedPaths(action, params);
  for (const [paths, write] of /** @type {const} */ ([
    [reads, false],
    [writes, true],
  ])) {
    for (const path of paths) {
      const problem = pathProblem(siteDir, path, { write });
      if (problem) return `${write ? 'Not saved' : 'Refused'}: ${problem}.`;
    }
  }
  return WRITING_ACTIONS.has(action) ? saveBlocker(siteDir) : undefined;
}

/**
 * The CMS's only way to decap-server: a server on 127.0.0.1:`port` that passes on a request to
 * decap-server's socket (`backendSocket`, see backend.mjs) only when it comes from the site's
 * own CMS (`origins`, addressed by `Host` to this port), is JSON the guard could read, names
 * only paths inside the site's `src/` folder and, for a save, finds no change made outside the
 * CMS in the repository. What it passes on is the JSON it checked, written anew, so that
 * decap-server cannot read the request differently. Saves are checked one after the other,
 * each once the one before is committed.
 * Each refusal is also told to `log`, for the terminal running local editing.
 * @param {{ siteDir: string, port: number, origins: string[], backendSocket: string, log?: (line: string) => void }} options
 * @returns {Promise<import('node:http').Server>}
 */
export function startSaveGuard({ siteDir, port, origins, backendSocket, log = () => {} }) {
  let saving = Promise.resolve();
  /** @type {import('node:http').RequestListener} */
  const handle = async (incoming, outgoing) => {
    const origin = incoming.headers.origin;
    /** @param {number} status @param {string} error */
    const refuse = (status, error) => {
      log(`CMS backend: ${error} (${incoming.method} from ${JSON.stringify(origin ?? 'no origin')} to ${JSON.stringify(incoming.headers.host ?? '')})`);
      answer(outgoing, status, { error }, allowed ? origin : undefined);
    };
    const sender = senderRefusal(incoming.headers, { port: /** @type {import('node:net').AddressInfo} */ (server.address()).port, origins });
    const allowed = !sender && origin !== undefined;
    if (sender) return refuse(sender.status, sender.error);
    if (incoming.method === 'OPTIONS') return preflight(outgoing, origin);
    if (incoming.method !== 'POST' || new URL(incoming.url ?? '/', 'http://localhost').pathname !== '/api/v1')
      return refuse(404, 'Not found: the CMS backend answers POST /api/v1 only.');
    const read = await readApiRequest(incoming);
    if ('error' in read) return refuse(read.status, read.error);
    const writing = WRITING_ACTIONS.has(read.action);
    if (writing && !allowed) return refuse(403, "Refused: a save must come from the site's own CMS, with its Origin.");
    const pass = async () => {
      const refusal = contentRefusal(siteDir, read.action, read.params);
      if (refusal) return refuse(writing ? 409 : 403, refusal);
      await forward(backendSocket, { ...read.body, params: read.params }, outgoing, origin);
    };
    if (!writing) return pass();
    const done = saving.then(pass);
    saving = done.catch(() => undefined);
    return done;
  };
  // A request broken off midway ends there; the guard goes on.
  const server = createServer((incoming, outgoing) => void Promise.resolve(handle(incoming, outgoing)).catch(() => outgoing.destroy()));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/**
 * Answers with JSON, allowing `origin` (already checked) to read it; never another.
 * @param {import('node:http').ServerResponse} outgoing
 * @param {number} status
 * @param {unknown} body
 * @param {string | undefined} origin
 * @returns {void}
 */
function answer(outgoing, status, body, origin) {
  if (outgoing.headersSent) {
    outgoing.destroy();
    return;
  }
  outgoing.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    Vary: 'Origin',
    ...(origin ? { 'Access-Control-Allow-Origin': origin } : {}),
  });
  outgoing.end(JSON.stringify(body));
}

/**
 * @param {import('node:http').ServerResponse} outgoing
 * @param {string | undefined} origin
 */
function preflight(outgoing, origin) {
  outgoing.writeHead(204, {
    Vary: 'Origin',
    ...(origin ? { 'Access-Control-Allow-Origin': origin } : {}),
    'Access-Control-Allow-Methods': 'POST',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Max-Age': '600',
  });
  outgoing.end();
}

/**
 * Sends `body` to decap-server and its answer back to the CMS.
 * @param {string} socketPath
 * @param {unknown} body
 * @param {import('node:http').ServerResponse} outgoing
 * @param {string | undefined} origin
 * @returns {Promise<void>}
 */
function forward(socketPath, body, outgoing, origin) {
  const json = Buffer.from(JSON.stringify(body));
  return new Promise((resolve) => {
    const forwarded = request(
      { socketPath, method: 'POST', path: '/api/v1', headers: { Host: 'localhost', 'Content-Type': 'application/json', 'Content-Length': json.length } },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, {
          'Content-Type': response.headers['content-type'] ?? 'application/json',
          Vary: 'Origin',
          ...(origin ? { 'Access-Control-Allow-Origin': origin } : {}),
        });
        response.pipe(outgoing);
        response.once('end', resolve);
        response.once('error', () => resolve());
      },
    );
    forwarded.on('error', (error) => {
      answer(outgoing, 502, { error: `The CMS backend is not answering (${error.message}).` }, origin);
      resolve();
    });
    forwarded.end(json);
  });
}
