// The stack the sync benchmarks run in: a fresh PGlite database holding one club of
// 50,000 synced rows, the gateway on a free port, the bench page
// (tests/bench/browser) built against it with Vite and served by the local static
// server, and headless Chromium with an admin of the club signed in.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { repoRoot } from '../../supabase/local/paths.ts';
import { createServer, serveNode, type Gateway } from '../../supabase/local/server.ts';
import { createStaticHandler } from '../../supabase/local/static-server.ts';
import { launchChromium } from '../e2e/chromium.ts';

export const benchOrgId = '00000000-0000-4000-8000-0000000005a1';
export const benchAdminId = '00000000-0000-4000-8000-0000000005ad';
const adminEmail = 'bench-admin@trackside.test';
const adminPassword = 'trackside-bench';
const groups = 500;
const athletes = 25_000;

/** the club's synced rows: its organization, the admin's profile and membership, groups, athletes, ranks */
export const clubRows = 50_000;
const ranks = clubRows - 3 - groups - athletes;

export interface SyncBenchStack {
  page: Page;
  groupIds: string[];
  stop(): Promise<void>;
}

/** the club's rows; returns its group ids */
export async function populateBenchClub(db: Database): Promise<string[]> {
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password,
         email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
         confirmation_token, recovery_token, email_change_token_new, email_change)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
         extensions.crypt($3, extensions.gen_salt('bf')), now(),
         '{"provider": "email", "providers": ["email"]}', '{"display_name": "Bench Admin"}',
         now(), now(), '', '', '', '')`,
      [benchAdminId, adminEmail, adminPassword],
    );
    await tx.query(
      `insert into auth.identities (id, user_id, provider_id, provider, identity_data,
         last_sign_in_at, created_at, updated_at)
       values ($1::uuid, $1::uuid, $1, 'email',
         jsonb_build_object('sub', $1, 'email', $2::text, 'email_verified', true),
         now(), now(), now())`,
      [benchAdminId, adminEmail],
    );
    await tx.query(
      `insert into public.organizations (id, name, slug) values ($1, 'Bench club', 'bench-club')`,
      [benchOrgId],
    );
    await tx.query(
      `insert into public.memberships (org_id, user_id, role) values ($1, $2, 'admin')`,
      [benchOrgId, benchAdminId],
    );
    await tx.query(
      `insert into public.training_groups (org_id, name, season)
       select $1, 'Группа ' || lpad(n::text, 3, '0'), '2026-2027' from generate_series(1, $2::int) n`,
      [benchOrgId, groups],
    );
    await tx.query(
      `insert into public.athletes (org_id, group_id, name, season, schedule, rank_start)
       select $1, g.id, 'Спортсмен ' || lpad(n::text, 5, '0'), '2026-2027',
              'Пн 18:00, Ср 19:00', 'II юношеский разряд'
         from generate_series(1, $2::int) n
         join (select id, row_number() over (order by id) - 1 as k from public.training_groups) g
           on g.k = n % $3::int`,
      [benchOrgId, athletes, groups],
    );
    await tx.query(
      `insert into public.rank_history (org_id, athlete_id, season, rank_start, rank_end)
       select org_id, id, '2025-2026', 'III юношеский разряд', 'II юношеский разряд'
         from public.athletes order by id limit $1`,
      [ranks],
    );
  });
  await db.exec('analyze');
  const { rows } = await db.query<{ id: string }>(
    'select id from public.training_groups where org_id = $1 order by name',
    [benchOrgId],
  );
  return rows.map((r) => r.id);
}

export function staticServer(root: string): { server: http.Server; listen(): Promise<string> } {
  const serveStatic = createStaticHandler(root);
  const log = (message: string, error?: unknown) =>
    console.error(`[bench] ${message}`, error ?? '');
  const server = http.createServer(
    (req, res) => void serveNode(req, res, serveStatic, 1024 * 1024, log),
  );
  return {
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        );
      }),
  };
}

export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startSyncBenchStack(): Promise<SyncBenchStack> {
  const outDir = mkdtempSync(join(tmpdir(), 'trackside-bench-'));
  const db = await createTestDatabase();
  const app = staticServer(outDir);
  let gateway: Gateway | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    await Promise.allSettled([closeServer(app.server), gateway?.close()]);
    await db.close();
    rmSync(outDir, { recursive: true, force: true });
  };
  try {
    const groupIds = await populateBenchClub(db);
    const appUrl = await app.listen();
    gateway = createServer({ db, corsOrigins: [appUrl] });
    const apiUrl = await gateway.listen(0);
    await build({
      configFile: false,
      root: join(repoRoot, 'tests', 'bench', 'browser'),
      logLevel: 'warn',
      mode: 'production',
      define: {
        'import.meta.env.VITE_SUPABASE_URL': JSON.stringify(apiUrl),
        'import.meta.env.VITE_SUPABASE_ANON_KEY': JSON.stringify(gateway.anonKey),
      },
      build: { outDir, emptyOutDir: true, target: 'es2022' },
    });
    browser = await launchChromium();
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`[bench page] ${e.message}`));
    await page.goto(appUrl);
    await page.waitForFunction(() => typeof window.runBenchPush === 'function');
    await page.evaluate((a) => window.runBenchSignIn(a.email, a.password), {
      email: adminEmail,
      password: adminPassword,
    });
    return { page, groupIds, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
