// npm run dev: the local stack plus Vite's dev server (hot reload) on APP_PORT,
// pointed at the stack unless VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY say
// otherwise. Like `npm start`, the dev server answers /runtime-config.json with
// the API it chose, so any API_PORT/APP_PORT works with nothing else to set.
import { createServer as createViteServer, type Plugin } from 'vite';
import { readLocalConfig } from '../config.ts';
import { onShutdown, startLocalStack } from '../local-stack.ts';
import { repoRoot } from '../paths.ts';
import {
  type RuntimeConfig,
  apiUrlFor,
  runtimeConfigPath,
  runtimeConfigResponse,
} from '../runtime-config.ts';

const config = readLocalConfig();
const stack = await startLocalStack(config);

// another project named in the environment wins over the local stack
const chosenUrl = process.env.VITE_SUPABASE_URL;
const anonKey = process.env.VITE_SUPABASE_ANON_KEY ?? stack.gateway.anonKey;
// the build-time fallback, for a page that cannot ask (Vite exposes VITE_* from process.env)
process.env.VITE_SUPABASE_URL ??= stack.apiUrl;
process.env.VITE_SUPABASE_ANON_KEY ??= stack.gateway.anonKey;

function runtimeConfig(requestHost: string | undefined): RuntimeConfig {
  return {
    supabaseUrl: chosenUrl ?? apiUrlFor(config.host, stack.apiPort, requestHost),
    supabaseAnonKey: anonKey,
  };
}

const runtimeConfigPlugin: Plugin = {
  name: 'trackside-runtime-config',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      if (req.url?.split('?')[0] !== runtimeConfigPath) return next();
      const answer = runtimeConfigResponse(runtimeConfig(req.headers.host));
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
  },
};

let vite: Awaited<ReturnType<typeof createViteServer>>;
try {
  vite = await createViteServer({
    root: repoRoot,
    server: { host: config.host, port: config.appPort, strictPort: true },
    plugins: [runtimeConfigPlugin],
  });
  await vite.listen();
} catch (e) {
  await stack.stop();
  throw e;
}

onShutdown(async () => {
  await vite.close();
  await stack.stop();
});

console.log(
  `\n  API        ${stack.apiUrl}\n  anon key   ${stack.gateway.anonKey}${stack.seeded ? '\n  database   new: demo club seeded' : ''}\n`,
);
vite.printUrls();
