// Which Supabase API the app talks to, decided when the client is created, not
// when the app was built. The server the app came from may say, at
// /runtime-config.json: the local stack always does (supabase/local/runtime-config.ts),
// with the ports it was started on; a static host may serve one beside the app.
// The answer is remembered for a start without network; a server that has none
// leaves the values baked in at build time (VITE_SUPABASE_URL / _ANON_KEY).

export interface SupabaseConfig {
  url: string;
  anonKey: string;
}

/** where the last answer is kept for offline starts (the API's address, not a user's data) */
export const runtimeConfigStorageKey = 'trackside.runtime-config';

/** the config in /runtime-config.json's shape, or null for anything else */
export function parseRuntimeConfig(value: unknown): SupabaseConfig | null {
  if (typeof value !== 'object' || value === null) return null;
  const { supabaseUrl, supabaseAnonKey } = value as Record<string, unknown>;
  if (typeof supabaseUrl !== 'string' || typeof supabaseAnonKey !== 'string') return null;
  if (supabaseAnonKey === '') return null;
  try {
    const { protocol } = new URL(supabaseUrl);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
  } catch {
    return null;
  }
  return { url: supabaseUrl, anonKey: supabaseAnonKey };
}

export interface ResolveOptions {
  /** the runtime config's URL, e.g. `/runtime-config.json` */
  url: string;
  /** the values baked in at build time */
  built: SupabaseConfig;
  fetch?: typeof fetch;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** how long a slow network may keep the client waiting before the remembered answer is used */
  timeoutMs?: number;
}

type Answer = { kind: 'config'; config: SupabaseConfig } | { kind: 'none' } | { kind: 'unknown' };

async function ask(url: string, fetchImpl: typeof fetch, timeoutMs: number): Promise<Answer> {
  let res: Response;
  try {
    res = await fetchImpl(url, {
      cache: 'no-store',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    // offline, the server down, or too slow: no word either way
    return { kind: 'unknown' };
  }
  // a host without the file: 404, or its SPA fallback answering with index.html
  if (res.status === 404 || res.status === 410) return { kind: 'none' };
  if (!res.ok) return { kind: 'unknown' };
  let body: unknown;
  try {
    body = JSON.parse(await res.text());
  } catch {
    return { kind: 'none' };
  }
  const config = parseRuntimeConfig(body);
  return config ? { kind: 'config', config } : { kind: 'none' };
}

function defaultStorage(): Storage | null {
  try {
    // reaching localStorage itself throws where storage is blocked
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function remembered(storage: ResolveOptions['storage']): SupabaseConfig | null {
  try {
    const raw = storage?.getItem(runtimeConfigStorageKey);
    return raw ? parseRuntimeConfig(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

function remember(storage: ResolveOptions['storage'], config: SupabaseConfig | null): void {
  try {
    if (config) {
      storage?.setItem(
        runtimeConfigStorageKey,
        JSON.stringify({ supabaseUrl: config.url, supabaseAnonKey: config.anonKey }),
      );
    } else {
      storage?.removeItem(runtimeConfigStorageKey);
    }
  } catch {
    // storage blocked or full: the next start asks again
  }
}

/**
 * The API to use: the server's runtime config when it answers (and remembered),
 * the remembered one when it cannot be asked (offline), the build's when the
 * server has none. Never rejects.
 */
export async function resolveSupabaseConfig(options: ResolveOptions): Promise<SupabaseConfig> {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const answer = await ask(
    options.url,
    options.fetch ?? globalThis.fetch.bind(globalThis),
    options.timeoutMs ?? 3000,
  );
  switch (answer.kind) {
    case 'config':
      remember(storage, answer.config);
      return answer.config;
    case 'none':
      remember(storage, null);
      return options.built;
    case 'unknown':
      return remembered(storage) ?? options.built;
  }
}
