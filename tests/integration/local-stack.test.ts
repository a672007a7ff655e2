// The stack `npm start` runs, on a PGlite data folder: migrated (and seeded) on
// first start, the Edge Functions registered, the scheduler loaded,
// and the data still there after a stop and a second start.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLocalConfig } from '../../supabase/local/config.ts';
import { type LocalStack, startLocalStack } from '../../supabase/local/local-stack.ts';
import { noRealtimeTransport } from '../../supabase/local/no-realtime.ts';
import { supabaseDir } from '../../supabase/local/paths.ts';

let root: string;
let dataDir: string;
let stack: LocalStack | null = null;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'trackside-stack-'));
  // as on a fresh clone: neither the folder nor its parent (`.data`) exists yet
  dataDir = join(root, '.data', 'pglite');
});
afterAll(async () => {
  await stack?.stop();
  await rm(root, { recursive: true, force: true });
});

const start = () =>
  startLocalStack({
    ...readLocalConfig({ API_PORT: '0', DATA_DIR: dataDir }),
    databaseUrl: undefined,
  });
const client = (url: string, key: string) =>
  createClient(url, key, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: noRealtimeTransport },
  });

describe('local stack', () => {
  it('starts on a new data folder, registers local functions and loads the jobs', async () => {
    stack = await start();
    expect(stack.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stack.scheduler.jobs.length).toBeGreaterThan(0);
    // every deployed function (supabase/functions/<name>/index.ts), through its
    // local registration (supabase/local/functions/<name>.ts)
    const deployed = (await readdir(join(supabaseDir, 'functions'), { withFileTypes: true }))
      .filter(
        (d) => d.isDirectory() && existsSync(join(supabaseDir, 'functions', d.name, 'index.ts')),
      )
      .map((d) => d.name);
    expect(deployed).toContain('checkout');
    for (const name of deployed) {
      // registered: anything but the gateway's "not found"
      const res = await fetch(`${stack.apiUrl}/functions/v1/${name}`, { method: 'OPTIONS' });
      expect(res.status, name).not.toBe(404);
    }
    const { error } = await client(stack.apiUrl, stack.gateway.anonKey).auth.signUp({
      email: 'persist@example.test',
      password: 'persist-password',
    });
    expect(error).toBeNull();
    await stack.stop();
    stack = null;
    // initdb and every migration on a real folder: slow on a busy machine
  }, 170_000);

  it('keeps its data across a restart and does not seed again', async () => {
    stack = await start();
    expect(stack.seeded).toBe(false);
    const { data, error } = await client(
      stack.apiUrl,
      stack.gateway.anonKey,
    ).auth.signInWithPassword({
      email: 'persist@example.test',
      password: 'persist-password',
    });
    expect(error).toBeNull();
    expect(data.user?.email).toBe('persist@example.test');
  }, 120_000);
});
