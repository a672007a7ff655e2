// The sync core (schema `sync`, public.sync_*, private.purge_sync_history and the
// access epoch's private.note_access_change, private.access_epoch_moved,
// private.note_write and private.tables_written)
// has one current definition: the newest supabase/migrations/<timestamp>_sync_core.sql,
// which defines every one of its functions. A feature adds a synced table or a
// merge rule by registering it (a row in sync.tables, a merge hook), never by
// re-creating the core, so a migration after the first sync_core.sql that
// defines, alters or drops a core function fails here, unless it is itself a
// `_sync_core.sql` defining the whole core again. The database the migrations
// build must run exactly what the newest one says.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { migrationsDir } from '../../supabase/local/paths.ts';

const firstCore = '20261206100000_sync_core.sql';
/** the current core: the access epoch, p_check (supersedes firstCore) */
const currentCore = '20261206123000_sync_core.sql';
const isCoreMigration = (file: string) => /^\d{14}_sync_core\.sql$/.test(file);

/** a function of the core, by its schema-qualified name */
const privateCore = [
  'private.purge_sync_history',
  'private.note_access_change',
  'private.access_epoch_moved',
  'private.note_write',
  'private.tables_written',
];
const isCoreFunction = (name: string) =>
  name.startsWith('sync.') || /^public\.sync_/.test(name) || privateCore.includes(name);

/** the five that used to be copied whole into feature migrations */
const copiedBefore = [
  'sync.apply_mutation',
  'sync.record_writes',
  'public.sync_push',
  'public.sync_pull',
  'private.purge_sync_history',
];

const migrations = readdirSync(migrationsDir)
  .filter((f) => f.endsWith('.sql'))
  .sort();
const read = (file: string) => readFileSync(join(migrationsDir, file), 'utf8');

/** sql without its comments (bodies keep their text; enough to find statements) */
function withoutComments(sql: string): string {
  return sql.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/--[^\n]*/g, ' ');
}

const ident = String.raw`(?:"[^"]+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const qualified = String.raw`(${ident})(?:\s*\.\s*(${ident}))?`;

function qualifiedName(first: string, second: string | undefined): string {
  const unquote = (s: string) => (s.startsWith('"') ? s.slice(1, -1) : s.toLowerCase());
  return second === undefined ? `public.${unquote(first)}` : `${unquote(first)}.${unquote(second)}`;
}

/** functions a migration creates, alters or drops, by schema-qualified name */
function functionStatements(sql: string): { verb: string; name: string }[] {
  const re = new RegExp(
    String.raw`\b(create(?:\s+or\s+replace)?|alter|drop)\s+function\s+(?:if\s+exists\s+)?${qualified}`,
    'gi',
  );
  return [...withoutComments(sql).matchAll(re)].map((m) => ({
    verb: (m[1] ?? '').toLowerCase().replace(/\s+/g, ' '),
    name: qualifiedName(m[2] ?? '', m[3]),
  }));
}

/** the body ($$ … $$) of each core function a migration creates, by name */
function coreBodies(sql: string): Map<string, string> {
  const re = new RegExp(
    String.raw`\bcreate(?:\s+or\s+replace)?\s+function\s+${qualified}\s*\([\s\S]*?\bas\s+\$\$([\s\S]*?)\$\$`,
    'gi',
  );
  const bodies = new Map<string, string>();
  for (const m of sql.matchAll(re)) {
    const name = qualifiedName(m[1] ?? '', m[2]);
    if (isCoreFunction(name)) bodies.set(name, m[3] ?? '');
  }
  return bodies;
}

describe('the sync core is defined once', () => {
  it('the first sync_core migration defines the core, each function once', () => {
    expect(migrations).toContain(firstCore);
    const defined = functionStatements(read(firstCore))
      .filter((s) => s.verb.startsWith('create') && isCoreFunction(s.name))
      .map((s) => s.name);
    expect(defined).toEqual(expect.arrayContaining(copiedBefore));
    expect(defined.filter((name, i) => defined.indexOf(name) !== i)).toEqual([]);
  });

  it('the current core is the newest sync_core migration', () => {
    expect(migrations.filter(isCoreMigration).at(-1)).toBe(currentCore);
  });

  it('no migration after it defines, alters or drops a core function, but a whole new core', () => {
    const offences: string[] = [];
    let core = new Set<string>();
    for (const file of migrations.filter((f) => f >= firstCore)) {
      const touched = functionStatements(read(file)).filter((s) => isCoreFunction(s.name));
      if (isCoreMigration(file)) {
        // a new core: every function of the previous one, defined again or dropped
        const created = new Set(
          touched.filter((s) => s.verb.startsWith('create')).map((s) => s.name),
        );
        const dropped = new Set(touched.filter((s) => s.verb === 'drop').map((s) => s.name));
        for (const name of core) {
          if (!created.has(name) && !dropped.has(name))
            offences.push(`${file} does not define ${name} again`);
        }
        core = created;
      } else {
        for (const s of touched) offences.push(`${file}: ${s.verb} function ${s.name}`);
      }
    }
    expect(offences, 'register a table or a merge hook in sync.tables instead').toEqual([]);
  });

  describe('the database runs what the newest sync_core migration says', () => {
    let db: Database;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(async () => {
      await db?.close();
    });

    it('every core function, with the body written there', async () => {
      const newest = migrations.filter(isCoreMigration).at(-1) ?? currentCore;
      const written = coreBodies(read(newest));
      const { rows } = await db.query<{ name: string; body: string }>(
        `select n.nspname || '.' || p.proname as name, p.prosrc as body
           from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
          where n.nspname = 'sync'
             or (n.nspname = 'public' and p.proname like 'sync\\_%')
             or (n.nspname = 'private'
                 and p.proname in (
                   'purge_sync_history',
                   'note_access_change',
                   'access_epoch_moved',
                   'note_write',
                   'tables_written'
                 ))
`,
      );
      expect(rows.map((r) => r.name).sort()).toEqual([...written.keys()].sort());
      for (const r of rows) expect(r.body, r.name).toBe(written.get(r.name));
    });
  });
});
