// The one seam between the engine and the network: the Supabase adapter in
// production, fault-injecting or in-process transports in tests.

export interface SyncTransport {
  /** calls an RPC; throws SyncNetworkError, SyncServerError or SyncAuthError */
  call(fn: string, args: Record<string, unknown>): Promise<unknown>;
  /** the signed-in user's id with a fresh access token, or null when signed out */
  currentUser(): Promise<string | null>;
  /** forces a token refresh: the user's id, or null when the session cannot be refreshed */
  refresh(): Promise<string | null>;
}

/**
 * Wraps a transport so that a 401 refreshes the session once and repeats the call,
 * and a refreshed session of another user is refused (SyncAuthError either way).
 */
export function withAuthRetry(transport: SyncTransport, userId: string): SyncTransport {
  return {
    currentUser: () => transport.currentUser(),
    refresh: () => transport.refresh(),
    async call(fn, args) {
      try {
        return await transport.call(fn, args);
      } catch (e) {
        if (!(e instanceof Error) || e.name !== 'SyncAuthError') throw e;
        const refreshed = await transport.refresh();
        if (refreshed !== userId) throw e;
        return transport.call(fn, args);
      }
    },
  };
}
