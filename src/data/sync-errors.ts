// What can go wrong talking to the server, as the scheduler needs to tell apart.

/** the request may not have reached the server, or its answer was lost: retry */
export class SyncNetworkError extends Error {
  override readonly name = 'SyncNetworkError';
}

/** the server failed (5xx) or answered something unreadable: retry with backoff */
export class SyncServerError extends Error {
  override readonly name = 'SyncServerError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** the session is missing, expired beyond refresh, or belongs to another user */
export class SyncAuthError extends Error {
  override readonly name = 'SyncAuthError';
}

/** whether a failed sync should be retried later on its own */
export function isRetryable(e: unknown): boolean {
  return e instanceof SyncNetworkError || e instanceof SyncServerError;
}
