import { isAuthRetryableFetchError, type SupabaseClient } from '@supabase/supabase-js';
import { SyncAuthError, SyncNetworkError, SyncServerError } from './sync-errors.ts';
import type { SyncTransport } from './sync-transport.ts';

/** the engine's transport over the app's Supabase client (RPCs through PostgREST) */
export function createSupabaseTransport(client: SupabaseClient): SyncTransport {
  return {
    async call(fn, args) {
      let result;
      try {
        result = await client.rpc(fn, args);
      } catch (e) {
        throw new SyncNetworkError(`${fn}: ${(e as Error).message}`, { cause: e });
      }
      const { data, error, status } = result;
      if (!error) return data;
      if (status === 401 || error.code === 'PGRST301' || error.code === 'PGRST303') {
        throw new SyncAuthError(`${fn}: ${error.message}`);
      }
      // postgrest-js reports a failed fetch as status 0
      if (!status) throw new SyncNetworkError(`${fn}: ${error.message}`);
      throw new SyncServerError(`${fn}: ${error.code} ${error.message}`, status, error.code);
    },
    async currentUser() {
      // getSession refreshes an expired access token before answering
      const { data, error } = await client.auth.getSession();
      if (error) throw new SyncNetworkError(error.message, { cause: error });
      return data.session?.user.id ?? null;
    },
    async refresh() {
      const { data, error } = await client.auth.refreshSession();
      // offline is not signed out: keep the session and retry later
      if (error && isAuthRetryableFetchError(error)) {
        throw new SyncNetworkError(error.message, { cause: error });
      }
      if (error || !data.session) return null;
      return data.session.user.id;
    },
  };
}
