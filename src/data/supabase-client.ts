import type { SupabaseClient } from '@supabase/supabase-js';
import { resolveSupabaseConfig, type SupabaseConfig } from './runtime-config.ts';

/** the app's client as pages and features name it: they never import supabase-js */
export type AppClient = SupabaseClient;

/**
 * The API baked in at build time (see vite.config.ts): what a static host with
 * no /runtime-config.json gets. The server the app came from wins when it
 * answers one (runtime-config.ts), so the local stack on any port just works.
 */
const built: SupabaseConfig = {
  url: import.meta.env.VITE_SUPABASE_URL,
  anonKey: import.meta.env.VITE_SUPABASE_ANON_KEY,
};

/**
 * Where supabase-js keeps the session in localStorage: its own default key for
 * the build's URL, spelled out so the shell can read the session before
 * supabase-js (and the runtime config) has loaded, and so a session saved by an
 * older build is still found. It only names the entry: the same key whichever
 * API the runtime config points at.
 */
export const authStorageKey = `sb-${new URL(built.url).hostname.split('.')[0]}-auth-token`;

let client: Promise<SupabaseClient> | undefined;
let inUse: SupabaseConfig | undefined;

/** the API the client talks to (the build's until the client has loaded) */
export function apiUrl(): string {
  return (inUse ?? built).url;
}

/**
 * The app's one Supabase client. No other module calls `createClient`: two
 * clients would keep two copies of the session and race each other refreshing
 * it. supabase-js is a third of the shell's JavaScript and a roster drawn from
 * IndexedDB needs none of it, so it loads beside the first render instead of
 * before it; the runtime config is asked for at the same time (offline, the
 * last answer is used at once).
 */
export function loadSupabase(): Promise<SupabaseClient> {
  client ??= Promise.all([
    import('@supabase/supabase-js'),
    resolveSupabaseConfig({ url: `${import.meta.env.BASE_URL}runtime-config.json`, built }),
  ]).then(
    ([{ createClient }, config]) => {
      inUse = config;
      return createClient(config.url, config.anonKey, {
        auth: {
          storageKey: authStorageKey,
          // the session lives in localStorage so a cold start offline still knows who is signed in
          persistSession: true,
          autoRefreshToken: true,
          // implicit flow; only the sign-in page reads an email link's session from its
          // fragment (sign-in-page.ts), no other URL of ours is parsed for tokens
          detectSessionInUrl: false,
        },
      });
    },
    (error: unknown) => {
      // a chunk that failed to arrive (offline before the first full visit) may arrive later
      client = undefined;
      throw error;
    },
  );
  return client;
}
