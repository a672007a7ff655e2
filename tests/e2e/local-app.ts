import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { demoSubscriptions } from '../../supabase/local/demo-moyklass.ts';
import { createGatewayWithFunctions } from '../../supabase/local/local-functions.ts';
import type { Gateway } from '../../supabase/local/server.ts';
import {
  addForwardedFor,
  createAnalyticsForwarder,
} from '../../supabase/local/analytics-forward.ts';
import { serveNode } from '../../supabase/local/server.ts';
import { createPublicSiteHandler } from '../../supabase/local/public-site-server.ts';
import { createStaticHandler } from '../../supabase/local/static-server.ts';
import type { PublicSiteContext } from '../../src/public-site/public-site-context.ts';
import { buildApp } from './build-app.ts';

export interface LocalApp {
  /** the served PWA, e.g. http://127.0.0.1:41234 */
  url: string;
  /** the API the PWA was built against */
  apiUrl: string;
  /** the API's keys (a test makes users through the Auth admin API, reads the mailbox) */
  anonKey: string;
  serviceKey: string;
  /** the folder the PWA is served from (a test may "deploy" into it) */
  outDir: string;
  /**
   * The instant (epoch ms) supabase/seed.sql ran at: its "today", its season and
   * every session it made are relative to it. The browser's clock is pinned here
   * (e2e-stack.ts), and a test derives what it expects from it, not from Date.now().
   */
  seededAt: number;
  /** the link token of a live invitation with this code (the seed has one) */
  invitationToken(code: string): Promise<string>;
  /** a user's current organizations, straight from the database */
  organizationsOf(email: string): Promise<{ name: string; role: string }[]>;
  /** runs a statement as the database owner (a test sets up what the server refuses) */
  exec(sql: string): Promise<void>;
  /** reads rows as the database owner (a test checks what the server stored) */
  rows<T extends object>(sql: string, params?: unknown[]): Promise<T[]>;
  /** an athlete's stored schedule, straight from the database */
  athleteSchedule(id: string): Promise<string | null>;
  /** runs the email-dispatch function once, as the scheduled job does */
  dispatchEmails(): Promise<{ status: number; body: unknown }>;
  /** the demo Moyklass the proxy talks to (a test may restrict its plan) */
  moyklass: { planRestricted: boolean };
  stop(): Promise<void>;
}

/**
 * The whole stack on free ports: a fresh copy of the seeded database, the
 * gateway, and the PWA built against that gateway, served by the local stack's
 * static server (index.html fallback for client routes). Free ports and a
 * private build mean a running `npm start` (API on 54321) never gets in the way.
 * (startLocalStack wants a persistent data folder; tests want a throwaway copy.)
 */
export async function startLocalApp(): Promise<LocalApp> {
  const outDir = mkdtempSync(join(tmpdir(), 'trackside-e2e-'));
  const db = await createTestDatabase({ seed: true });
  const seededAt = await seedInstant(db).catch(async (error: unknown) => {
    await db.close();
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  });
  // the public pages (a coach's /volkov, a guest's booking) answer in front of the
  // files, as in `npm start`, once the API they read is listening
  const site: { context?: PublicSiteContext; gateway?: Gateway } = {};
  const app = serveApp(
    outDir,
    () => site.context,
    () => site.gateway,
  );
  const appUrl = await app.listen();
  // the Edge Functions as `npm start` serves them, sending buyers back to this app
  const functions = await createGatewayWithFunctions({
    db,
    corsOrigins: [appUrl],
    siteUrl: appUrl,
    log: (m, e) => console.error(`[gateway] ${m}`, e ?? ''),
  });
  const { gateway } = functions;
  const moyklass = functions.moyklass?.fake;
  try {
    if (!moyklass)
      throw new Error('the e2e stack needs the demo Moyklass: unset MOYKLASS_BASE_URL');
    // its subscriptions dated by the seed's season, the one the pages (on the seed's
    // clock) ask for, even if 1 September came since
    moyklass.subscriptions = demoSubscriptions(seededAt);
    const apiUrl = await gateway.listen(0);
    site.gateway = gateway;
    site.context = {
      supabaseUrl: apiUrl,
      anonKey: gateway.anonKey,
      siteUrl: appUrl,
      fetch,
      now: () => new Date(),
    };
    await buildApp(outDir, { url: apiUrl, anonKey: gateway.anonKey });
    return {
      url: appUrl,
      apiUrl,
      anonKey: gateway.anonKey,
      serviceKey: gateway.serviceKey,
      outDir,
      seededAt,
      async invitationToken(code) {
        const { rows } = await db.query<{ token: string }>(
          'select token from public.invitations where code = $1 and token is not null',
          [code],
        );
        const token = rows[0]?.token;
        if (!token)
          throw new Error(`no invitation with code ${code}: is supabase/seed.sql loaded?`);
        return token;
      },
      async organizationsOf(email) {
        const { rows } = await db.query<{ name: string; role: string }>(
          `select o.name, m.role
             from public.memberships m
             join public.organizations o on o.id = m.org_id
             join auth.users u on u.id = m.user_id
            where u.email = $1 and m.left_at is null
            order by o.name`,
          [email],
        );
        return rows;
      },
      async exec(sql) {
        await db.query(sql);
      },
      async rows<T extends object>(sql: string, params: unknown[] = []) {
        return (await db.query<T>(sql, params)).rows;
      },
      async athleteSchedule(id) {
        const { rows } = await db.query<{ schedule: string | null }>(
          'select schedule from public.athletes where id = $1',
          [id],
        );
        return rows[0]?.schedule ?? null;
      },
      dispatchEmails: () => functions.dispatchEmails(),
      moyklass,
      async stop() {
        await Promise.allSettled([app.close(), functions.close()]);
        await db.close();
        rmSync(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.allSettled([app.close(), functions.close()]);
    await db.close();
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The seed runs in one transaction, so now() is one instant throughout; the demo
 * users' created_at is that instant.
 */
async function seedInstant(db: Database): Promise<number> {
  const { rows } = await db.query<{ ms: number | string }>(
    `select extract(epoch from created_at) * 1000 as ms from auth.users
      where email = 'admin@trackside.test'`,
  );
  const ms = Math.round(Number(rows[0]?.ms));
  if (!Number.isFinite(ms))
    throw new Error('no admin@trackside.test: is supabase/seed.sql loaded?');
  return ms;
}

function serveApp(
  root: string,
  publicContext: () => PublicSiteContext | undefined,
  gateway: () => Gateway | undefined,
): { listen(): Promise<string>; close(): Promise<void> } {
  const serveStatic = createStaticHandler(root);
  const servePublic = createPublicSiteHandler(() => publicContext());
  // the pages' events, to analytics-ingest, as `npm start` serves them
  const forwardEvents = createAnalyticsForwarder(gateway);
  const serve = async (req: Parameters<typeof serveStatic>[0]) =>
    (await forwardEvents(req)) ?? (await servePublic(req)) ?? serveStatic(req);
  const log = (message: string, error?: unknown) => console.error(`[app] ${message}`, error ?? '');
  const server = http.createServer((req, res) => {
    addForwardedFor(req);
    void serveNode(req, res, serve, 1024 * 1024, log);
  });
  return {
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
