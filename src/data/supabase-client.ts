import type { SupabaseClient } from '@supabase/supabase-js';

/** the app's client as pages and features name it: they never import supabase-js */
export type AppClient = SupabaseClient;

const url = import.meta.env.VITE_SUPABASE_URL;

/**
 * Where supabase-js keeps the session in localStorage: its own default key,
 * spelled out so the shell can read the session before supabase-js has loaded
 * (and so a session saved by an older build is still found).
 */
export const authStorageKey = `sb-${new URL(url).hostname.split('.')[0]}-auth-token`;

let client: Promise<SupabaseClient> | undefined;

/**
 * The app's one Supabase client. No other module calls `createClient`: two
 * clients would keep two copies of the session and race each other refreshing
 * it. supabase-js is a third of the shell's JavaScript and a roster drawn from
 * IndexedDB needs none of it, so it loads beside the first render instead of
 * before it. The URL and anon key are baked in at build time (see vite.config.ts).
 */
export function loadSupabase(): Promise<SupabaseClient> {
  client ??= import('@supabase/supabase-js').then(
    ({ createClient }) =>
      createClient(url, import.meta.env.VITE_SUPABASE_ANON_KEY, {
        auth: {
          storageKey: authStorageKey,
          // the session lives in localStorage so a cold start offline still knows who is signed in
          persistSession: true,
          autoRefreshToken: true,
          // we never use OAuth/magic-link redirects; don't parse tokens out of our own URLs
          detectSessionInUrl: false,
        },
      }),
    (error: unknown) => {
      // a chunk that failed to arrive (offline before the first full visit) may arrive later
      client = undefined;
      throw error;
    },
  );
  return client;
}
