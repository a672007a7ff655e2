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
