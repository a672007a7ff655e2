// email-dispatch: drains the email outbox. Called on a schedule with the service
// role key (pg_cron + pg_net in production, the local scheduler locally): claims
// due emails (public.email_claim_batch: skip locked, re-checked so a cancelled
// booking gets no reminder), renders them in the person's language, sends them
// through the provider and records each outcome (public.email_mark: retry with
// backoff on a temporary failure, give up on a permanent one).
//
// POST (Authorization: Bearer <service role key>) → 200 {claimed, sent, retrying, failed}
// GET  …/local/mailbox (local stack only) → what would have been sent: with a
//      user's token only the messages to that user's address, with the service
//      role key all of them (an operator); anything else 401
import { z } from 'zod';
import {
  HttpError,
  bearerToken,
  errorResponse,
  jsonResponse,
  requireMethod,
} from '../_shared/http-error.ts';
import { type Rpc, rpcHttpError } from '../_shared/rpc.ts';
import { withCors } from '../_shared/cors.ts';
import type { EmailProvider, MailboxEntry, MemoryMailbox } from './providers.ts';
import { renderEmail } from './templates.ts';

export interface EmailDispatchDeps {
  rpc: Rpc;
  provider: EmailProvider;
  /** only a caller holding this key may dispatch */
  serviceKey: string;
  batchSize?: number;
  /** the local stack's mailbox, served at …/local/mailbox */
  mailbox?: MemoryMailbox;
  /** the email address of the user behind an access token, or null (the mailbox's reader) */
  userEmail?: (accessToken: string) => Promise<string | null>;
}

const claimedSchema = z.array(
  z.object({
    id: z.uuid(),
    kind: z.enum([
      'booking_confirmation',
      'booking_notification',
      'booking_cancellation',
      'purchase_confirmation',
      'session_reminder',
    ]),
    locale: z.enum(['ru', 'en']),
    to: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
  }),
);

export async function handleEmailDispatch(
  req: Request,
  deps: EmailDispatchDeps,
): Promise<Response> {
  try {
    if (new URL(req.url).pathname.replace(/\/+$/, '').endsWith('/local/mailbox')) {
      if (!deps.mailbox) throw new HttpError(404, 'not_found', 'Not found');
      requireMethod(req, 'GET');
      return jsonResponse({ messages: await readMailbox(req, deps, deps.mailbox) });
    }
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
    for (const email of batch) {
      let outcome: { sent: boolean; error: string | null; retryable: boolean };
      if (!email.to) {
        outcome = { sent: false, error: 'the person has no email address', retryable: false };
      } else {
        const rendered = renderEmail(email.kind, email.locale, email.payload);
        const result = await deps.provider.send({ to: email.to, ...rendered });
        outcome = result.ok
          ? { sent: true, error: null, retryable: false }
          : { sent: false, error: result.error, retryable: result.retryable };
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

export function createEmailDispatchHandler(deps: EmailDispatchDeps) {
  // CORS: the local stack's mailbox page reads …/local/mailbox from the app's origin
  return withCors((req) => handleEmailDispatch(req, deps));
}

/** newest first; a person sees only what was sent to them, never anyone else's mail */
async function readMailbox(
  req: Request,
  deps: EmailDispatchDeps,
  mailbox: MemoryMailbox,
): Promise<MailboxEntry[]> {
  const token = bearerToken(req);
  const all = [...mailbox.messages].reverse();
  if (token && (await sameSecret(token, deps.serviceKey))) return all;
  const email = token && deps.userEmail ? await deps.userEmail(token) : null;
  if (!email) throw new HttpError(401, 'unauthorized', 'Sign in first');
  const mine = email.toLowerCase();
  return all.filter((m) => m.to.toLowerCase() === mine);
}

/** compares two secrets without leaking where they differ */
async function sameSecret(a: string, b: string): Promise<boolean> {
  const enc = new TextEncoder();
  const [x, y] = await Promise.all([
    crypto.subtle.digest('SHA-256', enc.encode(a)),
    crypto.subtle.digest('SHA-256', enc.encode(b)),
  ]);
  const u = new Uint8Array(x);
  const v = new Uint8Array(y);
  let diff = 0;
  for (let i = 0; i < u.length; i++) diff |= (u[i] ?? 0) ^ (v[i] ?? 0);
  return diff === 0 && b.length > 0;
}
