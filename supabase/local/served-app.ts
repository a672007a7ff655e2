// What `npm start` runs once the PWA is built: the built app (dist/) on APP_PORT
// and the local stack on API_PORT, the app's /runtime-config.json pointing at
// that stack. Any ports work with nothing else to set: the app asks the server
// it came from where its API is (runtime-config.ts), the API answers CORS for
// the app's origin, and checkout sends buyers back to it. Port 0 picks a free
// one for either.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { addForwardedFor, createAnalyticsForwarder } from './analytics-forward.ts';
import type { ApiRequest } from './http-types.ts';
import { type LocalConfig, publicHost, readLocalConfig } from './config.ts';
import { type LocalStack, startLocalStack } from './local-stack.ts';
import { type RuntimeConfig, apiUrlFor } from './runtime-config.ts';
import { serveNode } from './server.ts';
import { createPublicSiteHandler } from './public-site-server.ts';
import { createStaticHandler } from './static-server.ts';

export interface ServedApp {
  /** the settings it runs with, APP_PORT and API_PORT as bound */
  config: LocalConfig;
  stack: LocalStack;
  /** the app's URL, e.g. http://127.0.0.1:4173 */
  appUrl: string;
  stop(): Promise<void>;
}

/**
 * Serves `distDir` and starts the stack, both from `env` (README,
 * "Environment"). The app's port is bound first, so the API's CORS origins and
 * SITE_URL name the port actually bound.
 */
export async function startServedApp(env: NodeJS.ProcessEnv, distDir: string): Promise<ServedApp> {
  const requested = readLocalConfig(env);
  // the stack once it is up; until then /runtime-config.json answers 503
  const live: { stack?: LocalStack } = {};
  let config = requested;
  const runtimeConfig = (requestHost: string | undefined): RuntimeConfig | undefined => {
    const { stack } = live;
    return (
      stack && {
        supabaseUrl: apiUrlFor(config.host, stack.apiPort, requestHost),
        supabaseAnonKey: stack.gateway.anonKey,
      }
    );
  };
  const serveStatic = createStaticHandler(distDir, {
    runtimeConfig: (req) => runtimeConfig(req.headers.host),
  });
  // public pages (a coach's /volkov) are rendered here, as an edge runtime does in production
  const servePublic = createPublicSiteHandler((req) => {
    const { stack } = live;
    const host = req.headers.host;
    return (
      stack && {
        supabaseUrl: apiUrlFor(config.host, stack.apiPort, host),
        anonKey: stack.gateway.anonKey,
        siteUrl: `http://${host ?? `${publicHost(config.host)}:${config.appPort}`}`,
        fetch,
        now: () => new Date(),
      }
    );
  });
  // the pages' events (POST /api/analytics/events) go to analytics-ingest, as the
  // production site's edge handler sends them
  const forwardEvents = createAnalyticsForwarder(() => live.stack?.gateway);
  const serve = async (req: ApiRequest) =>
    (await forwardEvents(req)) ?? (await servePublic(req)) ?? serveStatic(req);
  const log = (m: string, e?: unknown) => console.error(`[app] ${m}`, e ?? '');
  const server = http.createServer((req, res) => {
    addForwardedFor(req);
    void serveNode(req, res, serve, 1024 * 1024, log);
  });
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(requested.appPort, requested.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const appPort = (server.address() as AddressInfo).port;
  if (appPort !== requested.appPort)
    config = readLocalConfig({ ...env, APP_PORT: String(appPort) });
  let started: LocalStack;
  try {
    started = await startLocalStack(config);
  } catch (e) {
    await close();
    throw e;
  }
  live.stack = started;
  return {
    config: { ...config, apiPort: started.apiPort },
    stack: started,
    appUrl: `http://${publicHost(config.host)}:${appPort}`,
    async stop() {
      await close();
      await started.stop();
    },
  };
}
