// npm run db:deploy — supabase/migrations applied by the real Supabase CLI
// (`supabase db push`), the way a Supabase project receives them, to the plain
// PostgreSQL in DATABASE_URL (CI's PostgreSQL 15). Such a server lacks what every
// Supabase project already has (the api roles, the auth schema), so the local
// stack's bootstrap runs first, the one db:reset runs. A Supabase project needs
// no bootstrap: deploy there with `npx supabase db push` (README, "Deploying").
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openPostgres } from '../db/postgres-database.ts';
import { applyBootstrap } from '../migrate.ts';
import { repoRoot } from '../paths.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'db:deploy: set DATABASE_URL to a PostgreSQL database (add ?sslmode=disable for a server without TLS)',
  );
  process.exit(1);
}

const db = openPostgres(url);
try {
  await applyBootstrap(db);
} finally {
  await db.close();
}

// --include-all: a migration older than the last one applied is applied too, as
// on a branch merged after a later one was deployed; --yes: nobody is there to answer
const push = spawnSync(
  join(repoRoot, 'node_modules', '.bin', 'supabase'),
  ['db', 'push', '--db-url', url, '--include-all', '--yes'],
  { cwd: repoRoot, stdio: 'inherit' },
);
if (push.error) throw push.error;
process.exit(push.status ?? 1);
