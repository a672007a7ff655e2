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
    /** the server's error code (a SQLSTATE or PGRSTxxx), when it gave one */
    readonly code?: string,
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

/**
 * Whether the server refused a whole request for what it carries: a 4xx that is
 * neither about the session (401, 403) nor a "try later" (408, 429). For a push
 * this means some entry could not even be read (PostgreSQL refuses `\u0000` and
 * lone surrogate escapes in json before sync_push runs), so the batch is split
 * until that entry stands alone.
 */
export function isBatchRefusal(e: unknown): e is SyncServerError {
  return (
    e instanceof SyncServerError &&
    e.status >= 400 &&
    e.status < 500 &&
    ![401, 403, 408, 429].includes(e.status)
  );
}
