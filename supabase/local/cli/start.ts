// npm start (after `vite build`): the local stack plus the built PWA on APP_PORT,
// seeded with the demo club on first run. Prints where everything is.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { onShutdown } from '../local-stack.ts';
import { repoRoot } from '../paths.ts';
import { startServedApp } from '../served-app.ts';

const DEMO_LOGINS: [string, string][] = [
  ['admin@trackside.test', 'owner of the demo club'],
  ['coach@trackside.test', 'coach of the first training group'],
  ['coach2@trackside.test', 'coach of the second training group'],
  ['athlete@trackside.test', 'an athlete of the first group'],
  ['assistant@trackside.test', 'a second coach of the first group'],
  ['admin2@trackside.test', 'owner of a second club, where coach@ also coaches'],
];

const distDir = join(repoRoot, 'dist');
if (!existsSync(join(distDir, 'index.html'))) {
  console.error('dist/index.html is missing: run `npm run build` (npm start does it for you)');
  process.exit(1);
}

// the app asks this server for its API at /runtime-config.json, so whatever
// VITE_SUPABASE_URL dist/ was built with, it talks to this stack
const { config, stack, appUrl, stop } = await startServedApp(process.env, distDir);
onShutdown(stop);

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
