// The one mapping from what a request can fail with — a thrown fetch, an Auth
// error, a PostgREST body with Postgres's code, hint and details — to the words
// the user reads, in their language (src/i18n/error-strings.ts). Every RPC and
// auth call in the app goes through it, so a refusal reads the same on every
// page.
import { adminRefusal } from '../domain/admin-refusal.ts';
import { errorStrings as t } from '../i18n/error-strings.ts';

/** a failed call as the user should read it, with what a page may act on */
export interface ErrorDescription {
  message: string;
  /** the request never reached the server */
  network: boolean;
  /** Postgres/PostgREST error code, when the server sent one */
  code: string | undefined;
  /** the RPC's machine-readable reason (`slot_taken`, `recurring_conflicts`, …) */
  hint: string | undefined;
  /** the RPC's structured details (JSON for `recurring_conflicts`) */
  details: string | undefined;
  /** the server's own words, for support and logs */
  raw: string;
}

interface ServerError {
  message: string;
  code?: string;
  hint?: string | null;
  details?: string | null;
}

// the booking RPCs name their reason in the hint (20261122200000_scheduling.sql)
const byHint: Record<string, () => string> = {
  slot_taken: () => t.booking.slotTaken,
  too_soon: () => t.booking.tooSoon,
  beyond_horizon: () => t.booking.beyondHorizon,
  outside_availability: () => t.booking.outsideAvailability,
  blocked: () => t.booking.blocked,
  coach_not_bookable: () => t.booking.notBookable,
  cancellation_window_passed: () => t.booking.cancellationWindow,
  session_full: () => t.booking.sessionFull,
  // one refusal for every feature a flag turns off (20261207140000_feature_flags.sql)
  feature_disabled: () => t.partnerships.featureDisabled,
  pool_full: () => t.partnerships.poolFull,
  seat_taken: () => t.partnerships.seatTaken,
  not_a_member: () => t.partnerships.notAMember,
  // club challenges (20261207171000_club_challenges.sql)
  challenge_over: () => t.partnerships.challengeOver,
  not_joined: () => t.partnerships.notJoined,
};

/**
 * An Auth error, recognised as supabase-js's own `isAuthError` does (every
 * AuthError carries `__isAuthError`). Written here rather than imported: the
 * import would bring all of supabase-js into every page that shows an error.
 */
interface AuthErrorShape {
  name: string;
  message: string;
  code?: string;
}
function isAuthError(error: unknown): error is AuthErrorShape {
  return typeof error === 'object' && error !== null && '__isAuthError' in error;
}
function isAuthRetryableFetchError(error: unknown): boolean {
  return isAuthError(error) && error.name === 'AuthRetryableFetchError';
}

/**
 * Turns what supabase-js hands back (an AuthError, a PostgREST error body with
 * its HTTP status, or a thrown fetch failure) into one message.
 */
export function describeError(error: unknown, status?: number): ErrorDescription {
  const none = { code: undefined, hint: undefined, details: undefined, raw: '' };
  if (isAuthRetryableFetchError(error) || error instanceof TypeError || status === 0) {
    return { ...none, message: t.network, network: true, raw: messageOf(error) };
  }
  if (isAuthError(error)) {
    const raw = error.message;
    return { ...none, message: t.server(raw), network: false, code: error.code, raw };
  }
  if (!isServerError(error) || !error.message) {
    return { ...none, message: t.unexpected, network: false };
  }
  const raw = error.message;
  const hint = typeof error.hint === 'string' ? error.hint : undefined;
  const described = {
    network: false,
    code: error.code,
    hint,
    details: typeof error.details === 'string' ? error.details : undefined,
    raw,
  };
  const known = hint ? byHint[hint] : undefined;
  if (known) return { ...described, message: known() };
  // the exclusion constraint itself: a race the RPC did not catch by name
  if (error.code === '23P01') return { ...described, message: t.booking.slotTaken };
  const refusal = adminRefusal(raw);
  if (refusal) return { ...described, message: t.explain(t.refusal(refusal), raw) };
  return { ...described, message: t.server(raw) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : '';
}

function isServerError(error: unknown): error is ServerError {
  return (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof (error as { message: unknown }).message === 'string'
  );
}
