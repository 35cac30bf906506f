/** `openoutreach-auth`: runs the broker as a Node server, its settings from the environment. */
import { createBroker } from './broker.ts';
import { BROKER_VARIABLES, BrokerConfigError, brokerConfigFromEnv } from './config.ts';
import { serve } from './node.ts';

const HELP = `openoutreach-auth: the co-op's sign-in broker for Decap CMS with GitHub.

Usage: openoutreach-auth [--port 8787] [--host 127.0.0.1]

Settings (environment variables):
${Object.entries(BROKER_VARIABLES)
  .map(([name, text]) => `  ${name.padEnd(22)}${text}`)
  .join('\n')}
  PORT, HOST            where to listen, if not given as options (default 127.0.0.1:8787; put a TLS proxy in front)

See docs/cms-sign-in.md.`;

export interface CliIo {
  env: Record<string, string | undefined>;
  log: (text: string) => void;
  error: (text: string) => void;
}

/** Starts the broker; resolves with the exit code on a bad start, or with the running server. */
export async function runCli(args: string[], io: CliIo = { env: process.env, log: console.log, error: console.error }) {
  if (args.includes('--help') || args.includes('-h')) {
    io.log(HELP);
    return { code: 0 };
  }
  const option = (name: string) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  let config;
  try {
    config = brokerConfigFromEnv(io.env);
  } catch (error) {
    if (!(error instanceof BrokerConfigError)) throw error;
    io.error(`${error.message}\nRun openoutreach-auth --help for every setting.`);
    return { code: 1 };
  }
  const port = Number(option('--port') ?? io.env.PORT ?? 8787);
  const host = option('--host') ?? io.env.HOST ?? '127.0.0.1';
  const server = await serve(createBroker(config), { port, host });
  io.log(`Sign-in broker on ${server.url} for ${config.allowedOrigins.length} site(s): ${config.allowedOrigins.join(', ')}`);
  return { code: 0, server };
}
