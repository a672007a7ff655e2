// npm start (after `vite build`): the local stack plus the built PWA on APP_PORT,
// seeded with the demo club on first run. Prints where everything is.
import http from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { publicHost, readLocalConfig } from '../config.ts';
import { onShutdown, startLocalStack } from '../local-stack.ts';
import { repoRoot } from '../paths.ts';
import { serveNode } from '../server.ts';
import { createStaticHandler } from '../static-server.ts';

const DEMO_LOGINS: [string, string][] = [
  ['admin@trackside.test', 'owner of the demo club'],
  ['coach@trackside.test', 'coach of the first training group'],
  ['coach2@trackside.test', 'coach of the second training group'],
  ['athlete@trackside.test', 'an athlete of the first group'],
  ['assistant@trackside.test', 'a second coach of the first group'],
  ['admin2@trackside.test', 'owner of a second club, where coach@ also coaches'],
];

const config = readLocalConfig();
const distDir = join(repoRoot, 'dist');
if (!existsSync(join(distDir, 'index.html'))) {
  console.error('dist/index.html is missing: run `npm run build` (npm start does it for you)');
  process.exit(1);
}

/** whether the built app talks to this API (VITE_SUPABASE_URL is baked in at build time) */
async function builtFor(apiUrl: string): Promise<boolean> {
  const assets = join(distDir, 'assets');
  if (!existsSync(assets)) return true;
  for (const f of await readdir(assets)) {
    if (f.endsWith('.js') && (await readFile(join(assets, f), 'utf8')).includes(apiUrl))
      return true;
  }
  return false;
}

const stack = await startLocalStack(config);
const log = (m: string, e?: unknown) => console.error(`[app] ${m}`, e ?? '');
const serveStatic = createStaticHandler(distDir);
const app = http.createServer(
  (req, res) => void serveNode(req, res, serveStatic, 1024 * 1024, log),
);
try {
  await new Promise<void>((resolve, reject) => {
    app.once('error', reject);
    app.listen(config.appPort, config.host, resolve);
  });
} catch (e) {
  await stack.stop();
  throw e;
}

onShutdown(async () => {
  await new Promise<void>((resolve) => {
    app.close(() => resolve());
    app.closeAllConnections();
  });
  await stack.stop();
});

const appUrl = `http://${publicHost(config.host)}:${config.appPort}`;
const where = config.databaseUrl ? 'DATABASE_URL' : config.dataDir;
console.log(`
Trackside is running

  App        ${appUrl}
  API        ${stack.apiUrl}
  anon key   ${stack.gateway.anonKey}
  database   ${where}${stack.seeded ? ' (new: demo club seeded)' : ''}
  jobs       ${stack.scheduler.idle ? 'run by pg_cron' : `${stack.scheduler.jobs.length} scheduled job(s), checked every minute`}

  Demo logins (password: trackside-demo)
${DEMO_LOGINS.map(([email, who]) => `    ${email.padEnd(24)} ${who}`).join('\n')}

  Ctrl+C stops everything.
`);
if (!(await builtFor(stack.apiUrl))) {
  console.warn(
    `warning: dist/ was built for another API URL. Rebuild with VITE_SUPABASE_URL=${stack.apiUrl} (and VITE_SUPABASE_ANON_KEY if JWT_SECRET changed).`,
  );
}
