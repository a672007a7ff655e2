// A referral code from a `?ref=CODE` link, kept on the device until the person
// creates a club (the create-organization page sends it with
// public.redeem_referral_code). Kept 30 days at most, as long as the database
// accepts a code for a new club.
import { pendingReferralCode, referralFromSearch } from '../domain/referral-code.ts';

const KEY = 'trackside-pending-referral';

/** remembers the code of a `?ref=` link, if the URL has one */
export function rememberReferralFromUrl(search: string, now: number): void {
  const code = referralFromSearch(search);
  if (!code) return;
  try {
    localStorage.setItem(KEY, JSON.stringify({ code, savedAt: now }));
  } catch {
    // storage refused (private mode, quota): the person can still type the code
  }
}

/** the code waiting for the next club, or null */
export function pendingReferral(now: number): string | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw === null ? null : pendingReferralCode(JSON.parse(raw) as unknown, now);
  } catch {
    return null;
  }
}

export function forgetPendingReferral(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}
