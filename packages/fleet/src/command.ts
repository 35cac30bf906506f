import { spawn } from 'node:child_process';
import { delimiter, dirname } from 'node:path';

export interface CommandResult {
  code: number;
  /** stdout and stderr, interleaved as they came. */
  output: string;
  seconds: number;
}

/**
 * The environment a member's build and install see: this process's Node first on PATH (a
 * site's `#!/usr/bin/env node` bins then run on it), none of vitest's or a parent npm's
 * variables, no colours, no telemetry, no update notifier.
 */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(
    ([name]) =>
      !/^(VITEST|VITE_|NODE_ENV$|TEST$|MODE$|INIT_CWD$|npm_(lifecycle|package|command|node_execpath|execpath)|npm_config_(prefix|global|local_prefix|workspace))/i.test(
        name,
      ),
  );
  const path = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir && !dir.includes('node_modules/.bin'));
  return {
    ...Object.fromEntries(kept),
    PATH: [dirname(process.execPath), ...path].join(delimiter),
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
}

/** Runs a command to its end, collecting what it prints. Never throws: a command that cannot start has code 127. */
export function runCommand(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? childEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let failedToStart = false;
    child.once('error', (error) => {
      failedToStart = true;
      output += `\n${error.message}`;
    });
    child.once('close', (code) => resolve({ code: failedToStart ? 127 : (code ?? 1), output, seconds: (performance.now() - started) / 1000 }));
  });
}

/** The last line of a command's output that says something, for a one-line error. */
export function lastWords(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').trim())
    .filter((line) => line && !/^(npm (warn|notice)|at )/i.test(line));
  // npm says what is wrong in its first error lines after `code`; the rest is usage and log paths.
  const npmSays = lines
    .filter((line) => /^npm error /i.test(line))
    .map((line) => line.replace(/^npm error\s*/i, ''))
    .filter((line) => line && !/^(code|errno|syscall|path|command|signal|A complete log|Usage:|Run "npm help|\[--|-w\b|--)/i.test(line));
  if (npmSays.length) return npmSays.slice(0, 2).join(' ').slice(0, 300);
  const errorLine = [...lines].reverse().find((line) => /error|cannot|failed|not found|missing/i.test(line));
  return (errorLine ?? lines.at(-1) ?? 'no output').slice(0, 300);
}
