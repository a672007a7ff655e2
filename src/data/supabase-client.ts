import { createClient, type SupabaseClient } from '@supabase/supabase-js';

/**
 * The app's one Supabase client. No other module calls `createClient`: two
 * clients would keep two copies of the session and race each other refreshing it.
 * The URL and anon key are baked in at build time (see vite.config.ts).
 */
export const supabase: SupabaseClient = createClient(
  import.meta.env.VITE_SUPABASE_URL,
  import.meta.env.VITE_SUPABASE_ANON_KEY,
  {
    auth: {
      // the session lives in localStorage so a cold start offline still knows who is signed in
      persistSession: true,
      autoRefreshToken: true,
      // we never use OAuth/magic-link redirects; don't parse tokens out of our own URLs
      detectSessionInUrl: false,
    },
  },
);
