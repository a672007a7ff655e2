// A partner's referral code (partner_profiles.referral_code: eight capital
// letters or digits) as it arrives in a link (`/?ref=ab12cd34`) and waits on the
// device until the user creates a club. A code older than the database accepts
// for a new club (30 days) is forgotten rather than sent to be refused.

export const REFERRAL_CODE_PATTERN = /^[A-Z0-9]{8}$/;

/** how long a code from a link is kept on the device */
export const REFERRAL_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

export interface PendingReferral {
  code: string;
  /** when the link was opened, ms since the epoch */
  savedAt: number;
}

/** the code as stored (trimmed, upper-case), or null when it cannot be one */
export function normalizeReferralCode(raw: string | null | undefined): string | null {
  const code = (raw ?? '').trim().toUpperCase();
  return REFERRAL_CODE_PATTERN.test(code) ? code : null;
}

/** the `ref` parameter of a query string, normalized */
export function referralFromSearch(search: string): string | null {
  return normalizeReferralCode(new URLSearchParams(search).get('ref'));
}

/** a pending code still worth sending at `now`, or null */
export function pendingReferralCode(stored: unknown, now: number): string | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { code, savedAt } = stored as Partial<PendingReferral>;
  if (typeof savedAt !== 'number' || savedAt > now || now - savedAt > REFERRAL_KEEP_MS) return null;
  return normalizeReferralCode(typeof code === 'string' ? code : null);
}

/** the link a partner shares: the app's origin with its code */
export function referralLink(origin: string, code: string): string {
  return `${origin.replace(/\/$/, '')}/?ref=${encodeURIComponent(code)}`;
}
