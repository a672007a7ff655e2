import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** repository root, wherever the process was started from */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const supabaseDir = join(repoRoot, 'supabase');
export const migrationsDir = join(supabaseDir, 'migrations');
export const bootstrapFile = join(supabaseDir, 'local', 'bootstrap.sql');
export const seedFile = join(supabaseDir, 'seed.sql');
export const sqlTestsDir = join(supabaseDir, 'tests');
/** one file per Edge Function, registering it with the local stack */
export const localFunctionsDir = join(supabaseDir, 'local', 'functions');
