// email-dispatch: drains the email outbox. Called on a schedule with the service
// role key (pg_cron + pg_net in production, the local scheduler locally): claims
// due emails (public.email_claim_batch: skip locked, re-checked so a cancelled
// booking gets no reminder), renders them in the recipient's language — each email
// about a booking with its link (a guest's manage link is minted now, never
// stored: email-links.ts) and its calendar event (booking-ics.ts) — sends them
// through the provider and records each outcome (public.email_mark: retry with
// backoff on a temporary failure, give up on a permanent one).
//
// POST (Authorization: Bearer <service role key>) → 200 {claimed, sent, retrying, failed}
import { z } from 'zod';
import { emailAudience, outboxKindSchema } from '../../../src/domain/email-kinds.ts';
import { LOCALES } from '../../../src/domain/locale.ts';
import {
  HttpError,
  bearerToken,
  errorResponse,
  jsonResponse,
  requireMethod,
} from '../_shared/http-error.ts';
import { type Rpc, rpcHttpError } from '../_shared/rpc.ts';
import { withCors } from '../_shared/cors.ts';
import { sameSecret } from '../_shared/same-secret.ts';
import { bookingIcs } from './booking-ics.ts';
import { courseAccessLink, renderCourseAccess } from './course-access-templates.ts';
import {
  partnerInvitationLink,
  renderPartnerClientInvitation,
} from './partner-client-invitation-templates.ts';
import { emailLink, signInLink } from './email-links.ts';
import type { EmailProvider, OutgoingEmail } from './providers.ts';
import type { SenderNames } from './sender-names.ts';
import { htmlFromText } from './html-email.ts';
import {
  isPartnerApplicationKind,
  partnerConfirmLink,
  partnerInviteLink,
  partnerReviewLink,
  renderPartnerApplicationEmail,
} from './partner-application-templates.ts';
import { renderEmail, renderRefundedEmail } from './templates.ts';
import { isMessageEmailKind, messageEmailLink, renderMessageEmail } from './message-templates.ts';
import { type SessionDetailsReader, withSessionDetails } from './session-details.ts';

export interface EmailDispatchDeps {
  rpc: Rpc;
  provider: EmailProvider;
  /** only a caller holding this key may dispatch */
  serviceKey: string;
  batchSize?: number;
  /** fills in a cancellation's club and place when its outbox row lacks them */
  sessionDetails?: SessionDetailsReader;
  /** the app's origin for the links in emails (SITE_URL); without it emails carry none */
  siteUrl?: string | null;
  /** the clock for the calendar files' DTSTAMP */
  now?: () => Date;
  /** white-label From names by outbox id; without it every email is from the platform */
  senderNames?: SenderNames;
}

const claimedSchema = z.array(
  z.object({
    id: z.uuid(),
    kind: outboxKindSchema,
    locale: z.enum(LOCALES),
    to: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    /** the booking the email is about, if any (any uuid shape: seeds use non-RFC ids) */
    bookingId: z.guid().nullable().optional(),
  }),
);

export async function handleEmailDispatch(
  req: Request,
  deps: EmailDispatchDeps,
): Promise<Response> {
  try {
    requireMethod(req, 'POST');
    if (!(await sameSecret(bearerToken(req), deps.serviceKey))) {
      throw new HttpError(401, 'unauthorized', 'Only the scheduler may dispatch emails');
    }
    const tally = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
    let batch: z.output<typeof claimedSchema>;
    try {
      batch = claimedSchema.parse(
        await deps.rpc('email_claim_batch', { p_limit: deps.batchSize ?? 20 }),
      );
    } catch (e) {
      throw rpcHttpError(e);
    }
    tally.claimed = batch.length;
    // a failure here costs only the partner's name on this batch, never the emails
    const senders = await (
      deps.senderNames?.(batch.map((e) => e.id)) ?? Promise.resolve(null)
    ).catch(() => null);
    for (const email of batch) {
      const fromName = senders?.get(email.id);
      const send = (out: OutgoingEmail) =>
        deps.provider.send(fromName ? { ...out, fromName } : out);
      let outcome: { sent: boolean; error: string | null; retryable: boolean };
      if (!email.to) {
        outcome = { sent: false, error: 'the person has no email address', retryable: false };
      } else if (email.kind === 'booking_refunded') {
        // a late payment given back: no booking to link to or to put in a calendar
        const result = await send({
          to: email.to,
          ...renderRefundedEmail(email.locale, email.payload),
        });
        outcome = result.ok
          ? { sent: true, error: null, retryable: false }
          : { sent: false, error: result.error, retryable: result.retryable };
      } else if (isPartnerApplicationKind(email.kind)) {
        outcome = await sendPartnerApplicationEmail(deps, {
          ...email,
          kind: email.kind,
          to: email.to,
        });
      } else if (isMessageEmailKind(email.kind)) {
        // an unread announcement or conversation: a link into the app, no calendar
        const r = renderMessageEmail(
          email.kind,
          email.locale,
          email.payload,
          messageEmailLink(deps.siteUrl, email.kind, email.payload),
        );
        const result = await send({
          to: email.to,
          ...r,
          html: htmlFromText(r.subject, r.text, email.locale),
        });
        outcome = result.ok
          ? { sent: true, error: null, retryable: false }
          : { sent: false, error: result.error, retryable: result.retryable };
      } else if (email.kind === 'course_access') {
        // an email-gated course given to an address: a link into the app, nothing to mint
        const r = renderCourseAccess(
          email.locale,
          email.payload,
          courseAccessLink(deps.siteUrl, email.payload),
        );
        const result = await send({
          to: email.to,
          ...r,
          html: htmlFromText(r.subject, r.text, email.locale),
        });
        outcome = result.ok
          ? { sent: true, error: null, retryable: false }
          : { sent: false, error: result.error, retryable: result.retryable };
      } else if (email.kind === 'partner_client_invitation') {
        // a club a reseller made: its contact is invited as the owner
        const r = renderPartnerClientInvitation(
          email.locale,
          email.payload,
          partnerInvitationLink(deps.siteUrl, email.payload),
        );
        const result = await send({
          to: email.to,
          ...r,
          html: htmlFromText(r.subject, r.text, email.locale),
        });
        outcome = result.ok
          ? { sent: true, error: null, retryable: false }
          : { sent: false, error: result.error, retryable: result.retryable };
      } else {
        const payload = await withSessionDetails(email.kind, email.payload, deps.sessionDetails);
        let link: string | null = null;
        let linkError: string | null = null;
        try {
          link = await emailLink(email.kind, payload, email.bookingId, {
            siteUrl: deps.siteUrl,
            mintGuestToken: () => deps.rpc('email_booking_link', { p_outbox_id: email.id }),
          });
        } catch {
          linkError = 'the manage link could not be minted';
        }
        if (linkError) {
          outcome = { sent: false, error: linkError, retryable: true };
        } else {
          // a guest's link is a credential: it stays out of a calendar others may see
          const ics = bookingIcs(email.kind, email.locale, payload, {
            now: deps.now?.() ?? new Date(),
            link: emailAudience(email.kind, payload) === 'guest' ? null : link,
          });
          const rendered = renderEmail(email.kind, email.locale, payload, {
            link,
            calendar: ics !== null,
            signInLink: signInLink(email.kind, payload, email.to, deps.siteUrl),
          });
          const result = await send({
            to: email.to,
            ...rendered,
            ...(ics ? { attachments: [ics] } : {}),
          });
          outcome = result.ok
            ? { sent: true, error: null, retryable: false }
            : { sent: false, error: result.error, retryable: result.retryable };
        }
      }
      try {
        await deps.rpc('email_mark', {
          p_id: email.id,
          p_sent: outcome.sent,
          p_error: outcome.error,
          p_retryable: outcome.retryable,
        });
      } catch (e) {
        throw rpcHttpError(e);
      }
      if (outcome.sent) tally.sent++;
      else if (outcome.retryable) tally.retrying++;
      else tally.failed++;
    }
    return jsonResponse(tally);
  } catch (e) {
    return errorResponse(e);
  }
}

/** a partner application's email: the confirmation's token is minted now, only its hash is kept */
async function sendPartnerApplicationEmail(
  deps: EmailDispatchDeps,
  email: {
    id: string;
    kind: Parameters<typeof renderPartnerApplicationEmail>[0];
    locale: z.output<typeof claimedSchema>[number]['locale'];
    to: string;
    payload: Record<string, unknown>;
  },
): Promise<{ sent: boolean; error: string | null; retryable: boolean }> {
  let link: string | null = null;
  if (email.kind === 'partner_application_confirm') {
    let token: unknown;
    try {
      token = await deps.rpc('partner_application_confirm_link', { p_outbox_id: email.id });
    } catch {
      // confirmed or expired meanwhile: nothing to confirm, nothing to send
      return { sent: false, error: 'the application is confirmed or expired', retryable: false };
    }
    link = typeof token === 'string' ? partnerConfirmLink(deps.siteUrl, token, email.locale) : null;
    if (!link) return { sent: false, error: 'no site address for the link', retryable: false };
  } else if (email.kind === 'partner_application_internal') {
    link = partnerReviewLink(deps.siteUrl, email.payload);
  } else if (email.kind === 'partner_welcome') {
    link = partnerInviteLink(deps.siteUrl, email.payload);
  }
  const r = renderPartnerApplicationEmail(email.kind, email.locale, email.payload, link);
  const result = await deps.provider.send({
    to: email.to,
    ...r,
    html: htmlFromText(r.subject, r.text, email.locale),
  });
  return result.ok
    ? { sent: true, error: null, retryable: false }
    : { sent: false, error: result.error, retryable: result.retryable };
}

export function createEmailDispatchHandler(deps: EmailDispatchDeps) {
  return withCors((req) => handleEmailDispatch(req, deps));
}
