// @ts-check
import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { CreateError } from '../create-error.mjs';
import { checkTarget } from './check-target.mjs';
import { DEFAULT_HOST, HOST_NAMES, HOSTS, projectSiteAddress } from '../hosts.mjs';
import {
  basePath,
  DEFAULT_FOLDER,
  groupName,
  hostName,
  LANGUAGES,
  languageList,
  localTimeZone,
  nameFromFolder,
  repository,
  siteAddress,
  timeZoneName,
} from './read-options.mjs';

/**
 * In a terminal, asks for what the arguments leave out: the folder, the group's name, the
 * languages, the host, the repository, the time zone and the site's address, each with a
 * suggestion that Enter takes (the address's follows from the host and the repository). An answer that
 * would be refused is explained and asked again, so the run never stops on a typo. Ctrl+C or
 * Ctrl+D stops with nothing written.
 * @param {import('./read-options.mjs').Arguments} args
 * @param {{ cwd: string, input: NodeJS.ReadableStream, output: NodeJS.WritableStream & { isTTY?: boolean } }} io
 * @returns {Promise<import('./read-options.mjs').Arguments>} the arguments with the answers in
 */
export async function askOptions(args, { cwd, input, output }) {
  const readline = createInterface({ input, output, terminal: Boolean(output.isTTY) });
  const stopped = new AbortController();
  readline.on('SIGINT', () => stopped.abort());
  readline.on('close', () => stopped.abort());

  /**
   * @template T
   * @param {string} question
   * @param {string} suggestion taken on Enter; '' for none
   * @param {(answer: string) => T} check returns the value, or throws a CreateError saying why not
   * @returns {Promise<T>}
   */
  const ask = async (question, suggestion, check) => {
    for (;;) {
      let answer;
      try {
        answer = (await readline.question(`${question}${suggestion ? ` (${suggestion})` : ''}: `, { signal: stopped.signal })).trim() || suggestion;
      } catch {
        throw new CreateError('\nStopped. Nothing was written.', { exitCode: 2 });
      }
      try {
        return check(answer);
      } catch (error) {
        if (!(error instanceof CreateError)) throw error;
        output.write(`${asAnswerHint(error.message)}\n`);
      }
    }
  };

  try {
    output.write('A new Open Outreach site. Enter takes the suggestion in brackets.\n');
    /** @param {string} answer */
    const freeFolder = (answer) => {
      checkTarget({ cwd, projectDir: resolve(cwd, answer) });
      return answer;
    };
    // A folder given in the arguments that is in use stops the run before any question.
    const folder = args.folder === undefined ? await ask('Folder for the site', DEFAULT_FOLDER, freeFolder) : freeFolder(args.folder);
    const name = args.name ?? (await ask("Your group's name", nameFromFolder(basename(resolve(cwd, folder))), groupName));
    const languages =
      args.languages ?? (await ask(`Languages, the main one first; the kit speaks ${LANGUAGES.join(', ')}`, 'en', (answer) => languageList(answer).join(',')));
    const host = args.host ?? (await ask(`Where it will be published: ${HOST_NAMES.join(', ')}`, DEFAULT_HOST, hostName));
    const checkedHost = hostName(host);
    const repo =
      args.repo ??
      (await ask(`Its repository on ${HOSTS[checkedHost].gitHost}, as owner/name (Enter to skip)`, '', (answer) => (answer ? repository(answer) : '')));
    const timeZone = args.timeZone ?? (await ask('Time zone of the group', localTimeZone(), timeZoneName));
    const project = repo ? projectSiteAddress(checkedHost, repository(repo)) : undefined;
    const address =
      args.site === undefined
        ? await ask(
            project ? "The site's address" : "The site's address, if you know it, e.g. https://riverside-tenants.org (Enter to skip)",
            project ? `${project.site}${project.base ?? '/'}` : '',
            (answer) => siteAndBase(answer, args.base),
          )
        : { site: args.site, base: args.base };
    return { ...args, folder, name, languages, host, repo, timeZone, ...address };
  } finally {
    readline.close();
  }
}

/**
 * The answer to "the site's address": nothing, an origin, or an address with a path, which
 * becomes `site` and `base` (https://us.github.io/repo/ is site https://us.github.io, base /repo/)
 * unless --base was given.
 * @param {string} answer
 * @param {string | undefined} base --base, if given
 * @returns {{ site: string | undefined, base: string | undefined }}
 */
export function siteAndBase(answer, base) {
  if (!answer) return { site: undefined, base };
  let url;
  try {
    url = new URL(answer);
  } catch {
    return { site: siteAddress(answer), base }; // throws, saying how to write it
  }
  if (url.pathname === '/' || base !== undefined) return { site: siteAddress(answer), base };
  return { site: siteAddress(url.origin), base: basePath(url.pathname) };
}

/**
 * A message written for the command line, told about an answer: "--site "x" is not…" reads
 * ""x" is not…".
 * @param {string} message
 */
const asAnswerHint = (message) => message.replace(/--(?:site|base|languages|name|host|repo|time-zone) /g, '');
