// The project's rule for signed URLs (storefront.md §4.2 item 13): a media link
// handed to a learner stops working within 10 minutes, so a refund or a
// cancelled enrolment revokes access within one lifetime of a link.

/** the longest lifetime of any signed URL the app asks for, in seconds */
export const SIGNED_URL_MAX_SECONDS = 600;

/**
 * The lifetime to ask Storage for: whole seconds, at least 1, never above
 * SIGNED_URL_MAX_SECONDS; no (or an unusable) request gets the maximum.
 */
export function signedUrlSeconds(requested?: number): number {
  if (requested === undefined || !Number.isFinite(requested)) return SIGNED_URL_MAX_SECONDS;
  return Math.min(SIGNED_URL_MAX_SECONDS, Math.max(1, Math.floor(requested)));
}

/** how long before its expiry a link is treated as spent: a play must not start on its last seconds */
export const SIGNED_URL_MARGIN_SECONDS = 30;

/**
 * Whether a link issued at `issuedAtMs` for `seconds` still serves at `nowMs`
 * (ms clocks, injected): fetch another one when it does not.
 */
export function signedUrlFresh(issuedAtMs: number, seconds: number, nowMs: number): boolean {
  const usable = Math.max(0, seconds - SIGNED_URL_MARGIN_SECONDS) * 1000;
  return nowMs >= issuedAtMs && nowMs - issuedAtMs < usable;
}
