// The embedded local stack as `npm start` and `npm run dev` run it: the database
// (PGlite in DATA_DIR, or DATABASE_URL) brought up to date and seeded on first
// run, the gateway on API_PORT with the Edge Functions registered in
// supabase/local/functions/, and the scheduler.
import type { Database } from './db/database.ts';
import { openDatabase } from './db/open-database.ts';
import { existsSync } from 'node:fs';
import { type LocalConfig, publicHost } from './config.ts';
import {
  createGatewayWithFunctions,
  startBookingHoldsLoop,
  startEmailDispatchLoop,
} from './local-functions.ts';
import { prepareDatabase } from './migrate.ts';
import { noRealtimeTransport } from './no-realtime.ts';
import { seedFile } from './paths.ts';
import { type Scheduler, createScheduler } from './scheduler.ts';
import type { Gateway } from './server.ts';

export interface LocalStack {
  db: Database;
  gateway: Gateway;
  scheduler: Scheduler;
  apiUrl: string;
  /** the API's port as bound (API_PORT=0 picks a free one) */
  apiPort: number;
  /** the database was created (and seeded) by this start */
  seeded: boolean;
  stop(): Promise<void>;
}

const log = (m: string, e?: unknown) => console.error(`[local] ${m}`, e ?? '');

export async function startLocalStack(config: LocalConfig): Promise<LocalStack> {
  // Edge Functions build supabase-js clients; on Node 20 createClient throws
  // without a WebSocket (Realtime), which the local stack does not offer.
  const g = globalThis as { WebSocket?: unknown };
  g.WebSocket ??= noRealtimeTransport;

  const db = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    const { fresh } = await prepareDatabase(db, { seed: true });
    const functions = await createGatewayWithFunctions({
      db,
      jwtSecret: config.jwtSecret,
      jwtExpiry: config.jwtExpiry,
      corsOrigins: config.corsOrigins,
      siteUrl: config.siteUrl,
      log,
    });
    const { gateway } = functions;
    // (an http URL drops port 80 from `port`)
    const apiPort = Number(new URL(await gateway.listen(config.apiPort, config.host)).port || 80);
    // what pg_cron's dispatch-emails job does in production (no pg_net in PGlite)
    const dispatcher = startEmailDispatchLoop(functions, 15_000, (m, e) =>
      console.error(`[email] ${m}`, e ?? ''),
    );
    // what pg_net does after the release-expired-holds job in production
    const holds = startBookingHoldsLoop(functions, 60_000, (m, e) =>
      console.error(`[holds] ${m}`, e ?? ''),
    );
    const scheduler = await createScheduler({
      db,
      log: (m, e) => console.error(`[scheduler] ${m}`, e ?? ''),
    });
    scheduler.start();
    return {
      db,
      gateway,
      scheduler,
      // the port actually bound (API_PORT=0 picks a free one), on a host browsers can use
      apiUrl: `http://${publicHost(config.host)}:${apiPort}`,
      apiPort,
      seeded: fresh && existsSync(seedFile),
      async stop() {
        dispatcher.stop();
        holds.stop();
        await scheduler.stop();
        await functions.close();
        // PGlite flushes its data folder on close
        await db.close();
      },
    };
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
}

/** SIGINT/SIGTERM run `shutdown` once; a second signal exits at once */
export function onShutdown(shutdown: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    shutdown().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('shutdown failed', e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
