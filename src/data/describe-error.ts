import { isAuthError, isAuthRetryableFetchError } from '@supabase/supabase-js';
import { strings } from '../i18n/shell-strings.ts';

/** what a failed auth call or RPC should say to the user */
export interface ErrorDescription {
  message: string;
  /** the request never reached the server */
  network: boolean;
  /** Postgres/PostgREST error code, when the server sent one */
  code: string | undefined;
}

interface PostgrestLikeError {
  message: string;
  code?: string;
}

/**
 * Turns what supabase-js hands back (an AuthError, a PostgREST error body with
 * its HTTP status, or a thrown fetch failure) into one message. The server's own
 * words are kept: "Invalid login credentials" is clearer than a paraphrase.
 */
export function describeError(error: unknown, status?: number): ErrorDescription {
  if (isAuthRetryableFetchError(error) || error instanceof TypeError || status === 0) {
    return { message: strings.networkError, network: true, code: undefined };
  }
  if (isAuthError(error)) {
    return { message: strings.serverError(error.message), network: false, code: error.code };
  }
  if (isPostgrestLike(error) && error.message) {
    return { message: strings.serverError(error.message), network: false, code: error.code };
  }
  return { message: strings.unexpectedError, network: false, code: undefined };
}

function isPostgrestLike(error: unknown): error is PostgrestLikeError {
  return (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof (error as { message: unknown }).message === 'string'
  );
}
