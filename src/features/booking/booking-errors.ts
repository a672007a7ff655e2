// What a refused booking RPC says to the user: the RPCs name the reason in the
// error's hint (20261122200000_scheduling.sql), which reads better than the
// server's English sentence.
import { bookingStrings as t } from './booking-strings.ts';
import { describeError } from '../../state/describe-error.ts';

export interface RpcError {
  message: string;
  code?: string;
  hint?: string | null;
  details?: string | null;
}

export interface Clash {
  date: string;
  startsAt: number;
  problem: string;
}

const byHint: Record<string, () => string> = {
  slot_taken: () => t.errors.slotTaken,
  too_soon: () => t.errors.tooSoon,
  beyond_horizon: () => t.errors.beyondHorizon,
  outside_availability: () => t.errors.outsideAvailability,
  blocked: () => t.errors.blocked,
  coach_not_bookable: () => t.errors.notBookable,
  cancellation_window_passed: () => t.errors.cancellationWindow,
  session_full: () => t.errors.sessionFull,
};

export function bookingErrorMessage(error: unknown, status?: number): string {
  const hint = hintOf(error);
  const known = hint ? byHint[hint] : undefined;
  if (known) return known();
  // the exclusion constraint itself (a race the RPC did not catch by name)
  if (isRpcError(error) && error.code === '23P01') return t.errors.slotTaken;
  return describeError(error, status).message;
}

/** the clashing dates a refused recurring booking lists (hint recurring_conflicts) */
export function clashesOf(error: unknown): Clash[] | null {
  if (hintOf(error) !== 'recurring_conflicts' || !isRpcError(error) || !error.details) return null;
  try {
    const parsed: unknown = JSON.parse(error.details);
    if (!Array.isArray(parsed)) return null;
    return parsed.map((c: { date?: unknown; starts_at?: unknown; problem?: unknown }) => ({
      date: String(c.date),
      startsAt: Date.parse(String(c.starts_at)),
      problem: String(c.problem),
    }));
  } catch {
    return null;
  }
}

function hintOf(error: unknown): string | null {
  return isRpcError(error) && typeof error.hint === 'string' ? error.hint : null;
}

function isRpcError(error: unknown): error is RpcError {
  return typeof error === 'object' && error !== null && 'message' in error;
}
