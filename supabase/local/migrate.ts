import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, PgError } from './db/database.ts';
import { bootstrapFile, migrationsDir, seedFile } from './paths.ts';

export interface Migration {
  version: string;
  name: string;
  file: string;
}

// the cli's naming: <14-digit timestamp>_<name>.sql
const migrationName = /^(\d{14})_(.+)\.sql$/;

export async function listMigrations(dir = migrationsDir): Promise<Migration[]> {
  if (!existsSync(dir)) return [];
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return files.map((file) => {
    const m = migrationName.exec(file);
    if (!m?.[1] || !m[2])
      throw new Error(`migration file name must be <timestamp>_<name>.sql: ${file}`);
    return { version: m[1], name: m[2], file: join(dir, file) };
  });
}

export async function applyBootstrap(db: Database): Promise<void> {
  await db.exec(await readFile(bootstrapFile, 'utf8'));
}

/** applies migrations not yet recorded, each in its own transaction; returns the versions applied */
export async function applyMigrations(db: Database, dir = migrationsDir): Promise<string[]> {
  const applied = new Set(
    (
      await db.query<{ version: string }>(
        'select version from supabase_migrations.schema_migrations',
      )
    ).rows.map((r) => r.version),
  );
  const done: string[] = [];
  for (const m of await listMigrations(dir)) {
    if (applied.has(m.version)) continue;
    const sql = await readFile(m.file, 'utf8');
    try {
      await db.transaction(async (tx) => {
        await tx.exec(sql);
        await tx.query(
          'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
          [m.version, m.name, [sql]],
        );
      });
    } catch (e) {
      throw migrationError(m, sql, e);
    }
    done.push(m.version);
  }
  return done;
}

// the drivers attach the whole script to their errors; name the file and line instead
function migrationError(m: Migration, sql: string, e: unknown): Error {
  const err = e as PgError;
  const position = Number((err as { position?: string }).position);
  const line = position > 0 ? `:${sql.slice(0, position).split('\n').length}` : '';
  const detail = [err.detail, err.hint].filter(Boolean).join(' ');
  return new Error(
    `migration ${m.version}_${m.name}.sql${line} failed: [${err.code ?? '?'}] ${err.message}${detail ? ` (${detail})` : ''}`,
  );
}

export async function applySeed(db: Database): Promise<void> {
  if (!existsSync(seedFile)) return;
  const sql = await readFile(seedFile, 'utf8');
  await db.transaction((tx) => tx.exec(sql));
}

/**
 * Bootstrap, then pending migrations; the seed runs only when the database was
 * new (no migration recorded before), like `supabase db reset`.
 */
export async function prepareDatabase(
  db: Database,
  options: { seed: boolean },
): Promise<{ fresh: boolean; applied: string[] }> {
  await applyBootstrap(db);
  const before = await db.query<{ n: number }>(
    'select count(*)::int as n from supabase_migrations.schema_migrations',
  );
  const fresh = before.rows[0]?.n === 0;
  const applied = await applyMigrations(db);
  if (fresh && options.seed) await applySeed(db);
  return { fresh, applied };
}

/**
 * Empties a real Postgres database so bootstrap + migrations start over: every
 * schema we or Supabase's bootstrap created is dropped, and pg_cron's jobs with them.
 * Roles are cluster-wide and stay.
 */
export async function dropEverything(db: Database): Promise<void> {
  await db.exec(`
    do $$
    declare s record;
    begin
      if exists (select from pg_extension where extname = 'pg_cron') then
        perform cron.unschedule(jobid) from cron.job;
      end if;
      for s in
        select nspname from pg_namespace
        where nspname not in ('pg_catalog', 'information_schema', 'pg_toast', 'cron')
          and nspname not like 'pg_temp_%' and nspname not like 'pg_toast_temp_%'
      loop
        execute format('drop schema %I cascade', s.nspname);
      end loop;
      -- public as initdb makes it (owned by whoever owns the database), so an
      -- emptied database is a new one to whatever is deployed on it next
      create schema public authorization pg_database_owner;
      grant usage on schema public to public;
      comment on schema public is 'standard public schema';
    end
    $$;
  `);
}
