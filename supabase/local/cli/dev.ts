// npm run dev: the local stack plus Vite's dev server (hot reload) on APP_PORT,
// pointed at the stack unless VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY say
// otherwise.
import { createServer as createViteServer } from 'vite';
import { readLocalConfig } from '../config.ts';
import { onShutdown, startLocalStack } from '../local-stack.ts';
import { repoRoot } from '../paths.ts';

const config = readLocalConfig();
const stack = await startLocalStack(config);

// Vite exposes VITE_* variables from process.env to the app
process.env.VITE_SUPABASE_URL ??= stack.apiUrl;
process.env.VITE_SUPABASE_ANON_KEY ??= stack.gateway.anonKey;

let vite: Awaited<ReturnType<typeof createViteServer>>;
try {
  vite = await createViteServer({
    root: repoRoot,
    server: { host: config.host, port: config.appPort, strictPort: true },
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
