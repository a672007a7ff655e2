// Retry delays after failed syncs: exponential with jitter, so a fleet of phones
// coming back online together does not retry in lockstep. Randomness is injected.

export interface BackoffOptions {
  /** delay scale for the first retry */
  baseMs: number;
  /** ceiling of any delay */
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 1_000, maxMs: 5 * 60_000 };

/**
 * The delay before retry number `attempt` (0 = first retry): "equal jitter", i.e.
 * uniform in [cap/2, cap] with cap = min(max, base·2^attempt), so it grows without
 * ever collapsing to zero. `random` returns a number in [0, 1).
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  options: BackoffOptions = defaultBackoff,
): number {
  const n = Math.max(0, Math.floor(attempt));
  const cap = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(n, 40));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(cap / 2 + (r * cap) / 2);
}
