// Stripe's hosted checkout page, as the local stack stands it in: checkout's
// session URL points here instead of checkout.stripe.com.
//   GET  …/checkout/local/pay?session=   a test payment page (Pay / Decline the card)
//   POST …/checkout/local/complete {session, outcome: paid|failed}
//        delivers the signed event to the real stripe-webhook (LocalStripe.complete)
//        and redirects (form) or answers JSON.
import { z } from 'zod';
import {
  HttpError,
  errorResponse,
  jsonResponse,
  readJson,
  readText,
  requireMethod,
  validate,
} from '../../functions/_shared/http-error.ts';
import { LocalCheckoutError, type LocalOutcome, type LocalStripe } from './local-stripe.ts';

/** whether a request is for the local pay page rather than for checkout itself */
export function isLocalCheckoutPath(req: Request): boolean {
  const path = new URL(req.url).pathname.replace(/\/+$/, '');
  return path.endsWith('/local/pay') || path.endsWith('/local/complete');
}

/** answers …/local/pay and …/local/complete, errors as JSON like the function's own */
export async function localCheckoutPage(req: Request, local: LocalStripe): Promise<Response> {
  try {
    const path = new URL(req.url).pathname.replace(/\/+$/, '');
    return path.endsWith('/local/pay') ? payPage(req, local) : await complete(req, local);
  } catch (e) {
    return errorResponse(e);
  }
}

const completeSchema = z
  .object({
    session: z.string().regex(/^cs_local_[0-9a-f]{24}$/),
    outcome: z.enum(['paid', 'failed']),
  })
  .strict();

function payPage(req: Request, local: LocalStripe): Response {
  requireMethod(req, 'GET');
  const id = new URL(req.url).searchParams.get('session') ?? '';
  const session = local.sessions.get(id);
  if (!session) throw new HttpError(404, 'not_found', 'No such checkout session');
  const amount = (session.amountTotal / 100).toFixed(2);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Local test checkout</title></head>
<body style="font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem">
<h1>Local test checkout</h1>
<p>No money moves: this page stands in for Stripe in the local stack.</p>
<p><strong>${amount} ${escapeHtml(session.currency.toUpperCase())}</strong></p>
<form method="post" action="complete">
<input type="hidden" name="session" value="${escapeHtml(session.id)}">
<button name="outcome" value="paid">Pay</button>
<button name="outcome" value="failed">Decline the card</button>
</form></body></html>`;
  return new Response(html, {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
}

async function complete(req: Request, local: LocalStripe): Promise<Response> {
  requireMethod(req, 'POST');
  const type = req.headers.get('content-type') ?? '';
  const form = /^application\/x-www-form-urlencoded\b/i.test(type);
  const input = form
    ? validate(completeSchema, Object.fromEntries(new URLSearchParams(await readText(req, 4096))))
    : await readJson(req, completeSchema, 4096);
  let result: { webhookStatus: number; redirect: string };
  try {
    result = await local.complete(input.session, input.outcome as LocalOutcome);
  } catch (e) {
    if (e instanceof LocalCheckoutError)
      throw new HttpError(e.status, 'checkout_session', e.message);
    throw new HttpError(502, 'webhook_unreachable', 'The webhook could not be reached');
  }
  if (result.webhookStatus < 200 || result.webhookStatus >= 300) {
    throw new HttpError(502, 'webhook_failed', `The webhook answered ${result.webhookStatus}`);
  }
  if (form && result.redirect) {
    return new Response(null, { status: 303, headers: { location: result.redirect } });
  }
  return jsonResponse({ delivered: true, outcome: input.outcome, redirect: result.redirect });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
