// Test harness for the sync engine: a migrated database with a fixture table whose
// visibility is controlled per test (teams), a transport that runs the sync RPCs
// exactly as PostgREST would (one transaction, `authenticated` role, JWT claims),
// and fault injection around it. Used by the sync integration and property tests.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import type { SyncedTableDeclaration } from '../../src/data/synced-tables.ts';
import { SyncAuthError, SyncNetworkError, SyncServerError } from '../../src/data/sync-errors.ts';
import type { SyncTransport } from '../../src/data/sync-transport.ts';
import { createSupabaseTransport } from '../../src/data/create-supabase-transport.ts';
import { noRealtimeTransport } from '../../supabase/local/no-realtime.ts';
import { startGateway, type Harness } from './gateway-harness.ts';
import { createClient } from '@supabase/supabase-js';

export const fixtureTables: readonly SyncedTableDeclaration[] = [
  { name: 'items', indexes: ['team'], since: 1 },
];

const fixtureSql = `
  create table public.team_access (
    user_id uuid not null references auth.users (id) on delete cascade,
    team text not null,
    primary key (user_id, team)
  );
  alter table public.team_access enable row level security;
  grant select on public.team_access to authenticated;
  create policy team_access_own on public.team_access for select to authenticated
    using (user_id = (select auth.uid()));

  create table public.items (
    id uuid primary key,
    team text not null,
    title text,
    note text,
    score int check (score between 0 and 100),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    updated_by uuid,
    deleted_at timestamptz,
    xid xid8 not null default pg_current_xact_id()
  );
  create index items_xid_idx on public.items (xid, id);
  create function public.items_stamp() returns trigger
  language plpgsql set search_path = '' as $$
  begin
    if new.title = 'forbidden title' then raise exception 'that title is not allowed'; end if;
    new.xid := pg_current_xact_id();
    new.updated_at := now();
    new.updated_by := auth.uid();
    return new;
  end $$;
  create trigger items_stamp before insert or update on public.items
    for each row execute function public.items_stamp();
  alter table public.items enable row level security;
  grant select, insert, update on public.items to authenticated;
  create policy items_rw on public.items for all to authenticated
    using (exists (select from public.team_access a where a.user_id = (select auth.uid()) and a.team = items.team))
    with check (exists (select from public.team_access a where a.user_id = (select auth.uid()) and a.team = items.team));
  insert into sync.tables (table_name, stamp_column, pull_order) values ('items', 'xid', 1);
  -- the ЕВСК norms (20261207120000_results.sql) are reference rows every signed-in user
  -- pulls; the harness counts pages of its own items, so they are out of its way
  delete from public.evsk_norms;
`;

export interface SyncHarness {
  db: Database;
  addUser(teams?: string[]): Promise<string>;
  grant(userId: string, team: string): Promise<void>;
  revoke(userId: string, team: string): Promise<void>;
  /** the items a user may see, as the server holds them */
  visibleItems(userId: string): Promise<Record<string, unknown>[]>;
  /** a transport signed in as `session.userId` (change it to simulate another sign-in) */
  transport(session: { userId: string | null }, log?: PushLog): SyncTransport;
  close(): Promise<void>;
}

/** every push as the server answered it, before any fault could lose the answer */
export type PushLog = { clientId: string; mutations: unknown[]; response: unknown }[];

/**
 * `sql`: each RPC runs on the database in one transaction as the user, exactly as
 * the gateway runs it (fast; the property test's default).
 * `supabase-js`: the local stack's gateway on a free port and the real supabase-js
 * client per user, signed up through /auth/v1.
 */
export type HarnessMode = 'sql' | 'supabase-js';

export async function createSyncHarness(mode: HarnessMode = 'sql'): Promise<SyncHarness> {
  const gateway = mode === 'supabase-js' ? await startGateway() : null;
  const db = gateway?.db ?? (await createTestDatabase());
  await db.exec(fixtureSql);
  /** signed-in sessions of the users created through the gateway */
  const sessions = new Map<string, { access_token: string; refresh_token: string }>();

  async function asUser<T>(userId: string, sql: string, params: unknown[]): Promise<T[]> {
    return db.transaction(async (tx) => {
      await tx.query(
        `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`,
        [JSON.stringify({ sub: userId, role: 'authenticated', aud: 'authenticated' })],
      );
      return (await tx.query<T>(sql, params)).rows;
    });
  }

  async function grant(userId: string, team: string): Promise<void> {
    await db.query('insert into public.team_access values ($1, $2) on conflict do nothing', [
      userId,
      team,
    ]);
  }

  return {
    db,
    grant,
    async addUser(teams = []) {
      let id: string = randomUUID();
      if (gateway) {
        const { data, error } = await gateway
          .client()
          .auth.signUp({ email: `${id}@test.local`, password: 'sync harness pw' });
        if (error || !data.session || !data.user) {
          throw error ?? new Error('sign-up gave no session');
        }
        id = data.user.id;
        sessions.set(id, data.session);
      } else {
        await db.query('insert into auth.users (id, email) values ($1, $2)', [
          id,
          `${id}@test.local`,
        ]);
      }
      for (const t of teams) await grant(id, t);
      return id;
    },
    async revoke(userId, team) {
      await db.query('delete from public.team_access where user_id = $1 and team = $2', [
        userId,
        team,
      ]);
    },
    async visibleItems(userId) {
      return asUser(
        userId,
        'select id, team, title, note, score from public.items where deleted_at is null order by id',
        [],
      );
    },
    transport(session, log) {
      if (gateway) return supabaseTransport(gateway, sessions, session, log);
      return {
        async call(fn, args) {
          if (session.userId === null) throw new SyncAuthError('no session');
          if (!/^sync_[a-z]+$/.test(fn)) throw new SyncServerError(`unknown function ${fn}`, 404);
          const names = Object.keys(args);
          const call = `select public.${fn}(${names.map((n, i) => `${n} => $${i + 1}`).join(', ')}) as r`;
          const params = names.map((n) => {
            const v = args[n];
            return v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
          });
          let rows: { r: unknown }[];
          try {
            rows = await asUser<{ r: unknown }>(session.userId, call, params);
          } catch (e) {
            throw new SyncServerError(`${fn}: ${(e as Error).message}`, 400);
          }
          const result = rows[0]?.r;
          if (fn === 'sync_push' && log) {
            log.push({
              clientId: String(args.p_client_id),
              mutations: args.p_mutations as unknown[],
              response: result,
            });
          }
          return result;
        },
        async currentUser() {
          return session.userId;
        },
        async refresh() {
          return session.userId;
        },
      };
    },
    close: () => (gateway ? gateway.close() : db.close()),
  };
}

/** a transport over a real supabase-js client of `session.userId`, logging pushes at the wire */
function supabaseTransport(
  gateway: Harness,
  sessions: Map<string, { access_token: string; refresh_token: string }>,
  session: { userId: string | null },
  log?: PushLog,
): SyncTransport {
  const clients = new Map<string, Promise<SyncTransport>>();
  const logging: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = String(input instanceof Request ? input.url : input);
    if (log && response.ok && url.includes('/rest/v1/rpc/sync_push')) {
      const args = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
      log.push({
        clientId: String(args.p_client_id),
        mutations: args.p_mutations as unknown[],
        response: await response.clone().json(),
      });
    }
    return response;
  };
  const current = (): Promise<SyncTransport> => {
    const userId = session.userId;
    if (userId === null) throw new SyncAuthError('no session');
    let t = clients.get(userId);
    if (!t) {
      t = (async () => {
        const c = createClient(gateway.url, gateway.anonKey, {
          auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
          global: { fetch: logging },
          realtime: { transport: noRealtimeTransport },
        });
        const tokens = sessions.get(userId);
        if (!tokens) throw new SyncAuthError(`no session for ${userId}`);
        const { error } = await c.auth.setSession(tokens);
        if (error) throw error;
        return createSupabaseTransport(c);
      })();
      clients.set(userId, t);
    }
    return t;
  };
  return {
    call: async (fn, args) => (await current()).call(fn, args),
    currentUser: async () => (session.userId === null ? null : (await current()).currentUser()),
    refresh: async () => (session.userId === null ? null : (await current()).refresh()),
  };
}

/** how one call goes wrong */
export type Fault = 'drop-request' | 'drop-response' | 'duplicate' | '401' | '503';

/**
 * Wraps a transport; `next(fn)` decides the fault for each call (undefined = none).
 * A dropped response means the server committed and the device never heard back.
 */
export function withFaults(
  inner: SyncTransport,
  next: (fn: string) => Fault | undefined,
  hooks: { onRefresh?: () => void } = {},
): SyncTransport {
  return {
    currentUser: () => inner.currentUser(),
    refresh: async () => {
      hooks.onRefresh?.();
      return inner.refresh();
    },
    async call(fn, args) {
      const fault = next(fn);
      switch (fault) {
        case 'drop-request':
          throw new SyncNetworkError(`${fn}: request lost`);
        case 'drop-response':
          await inner.call(fn, args);
          throw new SyncNetworkError(`${fn}: response lost`);
        case 'duplicate':
          await inner.call(fn, args);
          return inner.call(fn, args);
        case '401':
          throw new SyncAuthError(`${fn}: JWT expired`);
        case '503':
          throw new SyncServerError(`${fn}: unavailable`, 503);
        default:
          return inner.call(fn, args);
      }
    },
  };
}
