// The API the app talks to comes from the server it was loaded from: what the
// local stack's static server answers at /runtime-config.json is what the client
// resolves, remembered for offline starts; a host with no such file leaves the
// build's values.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../supabase/local/http-types.ts';
import { apiUrlFor } from '../../supabase/local/runtime-config.ts';
import { createStaticHandler, type StaticOptions } from '../../supabase/local/static-server.ts';
import {
  parseRuntimeConfig,
  resolveSupabaseConfig,
  runtimeConfigStorageKey,
  type SupabaseConfig,
} from './runtime-config.ts';

const built: SupabaseConfig = { url: 'http://127.0.0.1:54321', anonKey: 'built-key' };
const served = { supabaseUrl: 'http://127.0.0.1:55521', supabaseAnonKey: 'stack-key' };

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'trackside-runtime-config-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

/** a fetch answered by the local stack's static server for the app at `appOrigin` */
function stackFetch(options: StaticOptions, appOrigin = 'http://127.0.0.1:55173'): typeof fetch {
  const serve = createStaticHandler(root, options);
  return async (input, init) => {
    const url = new URL(String(input), appOrigin);
    const req: ApiRequest = {
      method: init?.method ?? 'GET',
      url,
      headers: { host: url.host },
      body: Buffer.alloc(0),
    };
    const res = await serve(req);
    return new Response(res.status === 204 ? null : (res.body as BodyInit), {
      status: res.status,
      headers: res.headers,
    });
  };
}

const remembered = (config: object) => ({ [runtimeConfigStorageKey]: JSON.stringify(config) });

describe('the runtime config', () => {
  it('is what the stack serving the app answers, and is remembered', async () => {
    const storage = memoryStorage();
    const config = await resolveSupabaseConfig({
      url: '/runtime-config.json',
      built,
      storage,
      fetch: stackFetch({ runtimeConfig: () => served }),
    });
    expect(config).toEqual({ url: served.supabaseUrl, anonKey: served.supabaseAnonKey });
    expect(JSON.parse(storage.items.get(runtimeConfigStorageKey) ?? 'null')).toEqual(served);
  });

  it('is served uncached; 503 while the stack is still starting', async () => {
    const ready = await stackFetch({ runtimeConfig: () => served })('/runtime-config.json');
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(ready.headers.get('content-type')).toMatch(/^application\/json/);
    const starting = await stackFetch({ runtimeConfig: () => undefined })('/runtime-config.json');
    expect(starting.status).toBe(503);
  });

  it('leaves the build’s values where the server has none (404), forgetting an old answer', async () => {
    const storage = memoryStorage(remembered(served));
    const config = await resolveSupabaseConfig({
      url: '/runtime-config.json',
      built,
      storage,
      fetch: stackFetch({}),
    });
    expect(config).toEqual(built);
    expect(storage.items.has(runtimeConfigStorageKey)).toBe(false);
  });

  it('leaves the build’s values when a host answers with its SPA fallback page', async () => {
    const config = await resolveSupabaseConfig({
      url: '/runtime-config.json',
      built,
      storage: memoryStorage(),
      fetch: () => Promise.resolve(new Response('<!doctype html>', { status: 200 })),
    });
    expect(config).toEqual(built);
  });

  it('offline, is the last answer (or the build’s before there was one)', async () => {
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(
      await resolveSupabaseConfig({
        url: '/runtime-config.json',
        built,
        storage: memoryStorage(remembered(served)),
        fetch: offline,
      }),
    ).toEqual({ url: served.supabaseUrl, anonKey: served.supabaseAnonKey });
    expect(
      await resolveSupabaseConfig({
        url: '/runtime-config.json',
        built,
        storage: memoryStorage(),
        fetch: offline,
      }),
    ).toEqual(built);
    // a server error says nothing either way: the last answer stays
    const storage = memoryStorage(remembered(served));
    expect(
      await resolveSupabaseConfig({
        url: '/runtime-config.json',
        built,
        storage,
        fetch: () => Promise.resolve(new Response('', { status: 502 })),
      }),
    ).toEqual({ url: served.supabaseUrl, anonKey: served.supabaseAnonKey });
    expect(storage.items.has(runtimeConfigStorageKey)).toBe(true);
  });

  it('does not wait on a network that never answers', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError')));
      });
    const started = Date.now();
    const config = await resolveSupabaseConfig({
      url: '/runtime-config.json',
      built,
      storage: memoryStorage(remembered(served)),
      fetch: hanging,
      timeoutMs: 50,
    });
    expect(config.url).toBe(served.supabaseUrl);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('takes only a URL and a key', () => {
    expect(parseRuntimeConfig(served)).toEqual({
      url: served.supabaseUrl,
      anonKey: served.supabaseAnonKey,
    });
    expect(parseRuntimeConfig(null)).toBeNull();
    expect(parseRuntimeConfig({ supabaseUrl: served.supabaseUrl })).toBeNull();
    expect(parseRuntimeConfig({ ...served, supabaseAnonKey: '' })).toBeNull();
    expect(parseRuntimeConfig({ ...served, supabaseUrl: 'javascript:alert(1)' })).toBeNull();
    expect(parseRuntimeConfig({ ...served, supabaseUrl: 'not a url' })).toBeNull();
  });
});

describe('the API URL the stack answers with', () => {
  it('is the bound address when the stack listens on one', () => {
    expect(apiUrlFor('127.0.0.1', 55521, 'localhost:55173')).toBe('http://127.0.0.1:55521');
    expect(apiUrlFor('::1', 55521, undefined)).toBe('http://[::1]:55521');
  });

  it('is the name the browser reached the app by when the stack listens everywhere', () => {
    expect(apiUrlFor('0.0.0.0', 55521, '192.168.1.20:55173')).toBe('http://192.168.1.20:55521');
    expect(apiUrlFor('::', 55521, '[fe80::1]:55173')).toBe('http://[fe80::1]:55521');
    expect(apiUrlFor('0.0.0.0', 55521, undefined)).toBe('http://127.0.0.1:55521');
    expect(apiUrlFor('0.0.0.0', 55521, 'bad host/with path')).toBe('http://127.0.0.1:55521');
  });

  it('follows the Host header through the static server', async () => {
    const options: StaticOptions = {
      runtimeConfig: (req) => ({
        supabaseUrl: apiUrlFor('0.0.0.0', 55521, req.headers.host),
        supabaseAnonKey: 'stack-key',
      }),
    };
    const res = await stackFetch(options, 'http://10.0.0.7:55173')('/runtime-config.json');
    expect(await res.json()).toEqual({
      supabaseUrl: 'http://10.0.0.7:55521',
      supabaseAnonKey: 'stack-key',
    });
  });
});
