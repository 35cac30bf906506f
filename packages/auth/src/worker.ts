/**
 * The broker as a Cloudflare Worker (module syntax): `main = "node_modules/@openoutreach/auth/dist/worker.js"`
 * in wrangler.toml, the settings as the Worker's variables and secrets (docs/cms-sign-in.md).
 */
import { createBroker } from './broker.ts';
import { BrokerConfigError, brokerConfigFromEnv } from './config.ts';

let broker: ((request: Request) => Promise<Response>) | undefined;

export default {
  async fetch(request: Request, env: Record<string, string | undefined>): Promise<Response> {
    try {
      broker ??= createBroker(brokerConfigFromEnv(env));
    } catch (error) {
      if (!(error instanceof BrokerConfigError)) throw error;
      console.error(error.message);
      return new Response(`${error.message}\n`, { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    return broker(request);
  },
};
