import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CheckError } from './check-error.ts';

export const JAVA_MISSING =
  'Java is missing, and the HTML check (the W3C Nu checker) needs it: install a Java runtime 11 or newer (Debian/Ubuntu: `sudo apt-get install default-jre-headless`) or set JAVA_HOME.';

/** One error the Nu checker found. */
export interface HtmlError {
  /** Path relative to `dist`. */
  file: string;
  line: number | undefined;
  column: number | undefined;
  message: string;
  /** The markup around the error. */
  extract: string | undefined;
}

interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/** The path of vnu.jar, which the vnu-jar package exports as its main value. */
function vnuJar(): string {
  return String(createRequire(import.meta.url)('vnu-jar'));
}

/** `$JAVA_HOME/bin/java` when JAVA_HOME is set, else `java` from PATH; undefined when neither runs. */
export function findJava(): string | undefined {
  const candidates = [process.env.JAVA_HOME && join(process.env.JAVA_HOME, 'bin', 'java'), 'java'].filter((path): path is string => !!path);
  return candidates.find((java) => (java === 'java' || existsSync(java)) && spawnSync(java, ['-version'], { stdio: 'ignore' }).status === 0);
}

/**
 * Checks `files` (relative to `dist`) with the Nu checker in one Java process, since starting the
 * JVM is the slow part, with `java` from findJava(). Returns only errors; warnings and info are
 * left to the author.
 */
export async function htmlErrors(dist: string, files: string[], java: string | undefined): Promise<HtmlError[]> {
  if (!java) throw new CheckError(JAVA_MISSING);
  if (!files.length) return [];
  const args = ['-jar', vnuJar(), '--errors-only', '--format', 'json', ...files.map((file) => join(dist, file))];
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  // Releases of the checker differ in which stream carries the JSON report.
  const report = [stdout, stderr].map((text) => text.trim()).find((text) => text.startsWith('{'));
  let messages: NuMessage[];
  try {
    messages = (JSON.parse(report ?? '') as { messages: NuMessage[] }).messages;
  } catch {
    const said = `${stderr}\n${stdout}`.trim().split('\n')[0] || 'no output';
    throw new CheckError(`The Nu HTML checker stopped (exit code ${code}) without a report: ${said}`);
  }
  return messages
    .filter((message) => message.type === 'error' || message.type === 'non-document-error')
    .map((message) => ({
      file: message.url ? relative(dist, fileURLToPath(message.url)).split(sep).join('/') : '(unknown file)',
      line: message.lastLine,
      column: message.firstColumn ?? message.lastColumn,
      message: message.message,
      extract: message.extract,
    }));
}
