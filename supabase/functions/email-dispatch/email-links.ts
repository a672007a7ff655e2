// The link in an email about a booking, decided when the email is sent:
//   guest   `${SITE_URL}/booking/<id>?t=<token>`, the token minted now by
//           public.email_booking_link for this outbox row (only its hash is kept,
//           so it cannot be minted when the email is queued)
//   member  `${SITE_URL}/bookings`, the app's list (they are signed in there)
//   coach   `${SITE_URL}/calendar/session/<session>`
// No SITE_URL (a misconfigured deployment) means no link rather than a wrong one.
import {
  BOOKING_EMAIL_KINDS,
  type EmailKind,
  emailAudience,
} from '../../../src/domain/email-kinds.ts';

type Payload = Record<string, unknown>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** what private.mint_booking_link returns: 16 random bytes, base64url */
const token = /^[A-Za-z0-9_-]{16,64}$/;

export interface LinkContext {
  siteUrl: string | null | undefined;
  /** a fresh manage token for the guest booking this email is about */
  mintGuestToken: () => Promise<unknown>;
}

export async function emailLink(
  kind: EmailKind,
  payload: Payload,
  bookingId: string | null | undefined,
  ctx: LinkContext,
): Promise<string | null> {
  if (!ctx.siteUrl || !BOOKING_EMAIL_KINDS.includes(kind)) return null;
  const site = ctx.siteUrl.replace(/\/+$/, '');
  const audience = emailAudience(kind, payload);
  if (audience === 'coach') {
    const session = payload['sessionId'];
    return typeof session === 'string' && uuid.test(session)
      ? `${site}/calendar/session/${session}`
      : `${site}/calendar`;
  }
  if (audience === 'member') return `${site}/bookings`;
  if (!bookingId || !uuid.test(bookingId)) return null;
  const minted = await ctx.mintGuestToken();
  if (typeof minted !== 'string' || !token.test(minted)) {
    throw new Error('the manage link could not be minted');
  }
  return `${site}/booking/${bookingId}?t=${minted}`;
}

/**
 * a purchase confirmation to an account with no password yet (a guest buyer's,
 * private.purchase_emails sets `needsSignIn`): the app's sign-in page with the
 * address filled in, where a code by email signs them in
 */
export function signInLink(
  kind: EmailKind,
  payload: Payload,
  to: string,
  siteUrl: string | null | undefined,
): string | null {
  if (kind !== 'purchase_confirmation' || payload['needsSignIn'] !== true || !siteUrl) return null;
  return `${siteUrl.replace(/\/+$/, '')}/sign-in?email=${encodeURIComponent(to)}`;
}
