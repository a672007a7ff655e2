// The local stack has no Stripe. This stands in for `stripe.checkout.sessions`
// (create, retrieve, expire) and `stripe.refunds.create`, and completes or
// expires a session the way Stripe does: by POSTing a signed event to the real
// webhook path (signed with the Stripe SDK's test helper), so the demo and the
// end-to-end tests run the same webhook code as production. Like Stripe, a
// session that is no longer open takes no payment, a session with expires_at
// expires by itself (expireDue, at an injected time), an Idempotency-Key returns
// what its first request made, and a payment is refunded at most once. One
// instance serves every local function of a stack (sharedLocalStripe), so the
// booking-holds function expires the sessions checkout created. Its pay page is
// local-checkout-page.ts. Never used in production (checkout's index.ts always
// builds the real client).
import Stripe from 'stripe';
import type {
  CheckoutSessionParams,
  CheckoutSessionState,
  StripeCheckout,
} from '../../functions/checkout/handler.ts';
import { type Env, required } from '../../functions/_shared/supabase.ts';

/** the local stack's webhook secret unless STRIPE_WEBHOOK_SECRET is set */
export const LOCAL_WEBHOOK_SECRET = 'whsec_trackside_local_stack_only';

export interface LocalSession {
  id: string;
  /** the purchase or booking it pays for (client_reference_id) */
  purchaseId: string;
  /** what is bought, as the line item names it */
  name: string;
  amountTotal: number;
  currency: string;
  mode: 'payment' | 'subscription';
  paymentIntentId: string;
  metadata: Record<string, string>;
  successUrl: string;
  cancelUrl: string;
  /** epoch seconds; Stripe expires the session then */
  expiresAt: number | null;
  status: 'open' | 'complete' | 'expired';
}

export interface LocalRefund {
  id: string;
  paymentIntentId: string;
  amount: number;
  idempotencyKey: string | null;
}

export interface LocalStripeOptions {
  /** where the pay page lives, e.g. http://127.0.0.1:54321/functions/v1/checkout */
  checkoutBaseUrl: () => string;
  /** the real webhook endpoint, e.g. http://127.0.0.1:54321/functions/v1/stripe-webhook */
  webhookUrl: () => string;
  webhookSecret: string;
  fetch: typeof fetch;
  /** epoch ms */
  now: () => number;
}

export type LocalOutcome = 'paid' | 'failed';

export class LocalStripe implements StripeCheckout {
  readonly sessions = new Map<string, LocalSession>();
  /** every refund made, in order */
  readonly refundsMade: LocalRefund[] = [];
  /** what each Idempotency-Key made: the same key answers the same object */
  private readonly idempotent = new Map<string, { id: string; url: string | null }>();
  private readonly signer = new Stripe('sk_test_local_stack');
  private readonly crypto = Stripe.createSubtleCryptoProvider();

  constructor(private readonly options: LocalStripeOptions) {}

  readonly checkout = {
    sessions: {
      create: async (params: CheckoutSessionParams, options?: { idempotencyKey?: string }) => {
        const key = options?.idempotencyKey ? `session:${options.idempotencyKey}` : null;
        const earlier = key ? this.idempotent.get(key) : undefined;
        if (earlier) return earlier;
        const id = `cs_local_${randomHex(12)}`;
        const item = params.line_items?.[0]?.price_data;
        const purchaseId =
          params.metadata?.purchase_id ?? params.metadata?.booking_id ?? params.client_reference_id;
        if (!item || item.unit_amount === undefined || !purchaseId) {
          throw new Error(
            'a local session needs one priced line item and a purchase or booking id',
          );
        }
        const nowSeconds = Math.floor(this.options.now() / 1000);
        if (
          params.expires_at !== undefined &&
          (params.expires_at < nowSeconds + 30 * 60 || params.expires_at > nowSeconds + 24 * 3600)
        ) {
          // Stripe's rule: 30 minutes to 24 hours ahead
          throw new LocalStripeError(400, 'parameter_invalid_integer', 'expires_at out of range');
        }
        this.sessions.set(id, {
          id,
          purchaseId: String(purchaseId),
          name: item.product_data?.name ?? '',
          // as Stripe: the line's price times its quantity (a club's seats)
          amountTotal: item.unit_amount * (params.line_items?.[0]?.quantity ?? 1),
          currency: item.currency,
          mode: params.mode === 'subscription' ? 'subscription' : 'payment',
          paymentIntentId: `pi_local_${randomHex(12)}`,
          metadata: Object.fromEntries(
            Object.entries(params.metadata ?? {}).map(([k, v]) => [k, String(v)]),
          ),
          successUrl: params.success_url ?? '',
          cancelUrl: params.cancel_url ?? '',
          expiresAt: params.expires_at ?? null,
          status: 'open',
        });
        const made = { id, url: this.urlOf(id) };
        if (key) this.idempotent.set(key, made);
        return made;
      },
      retrieve: (id: string): Promise<CheckoutSessionState> =>
        Promise.resolve(this.stateOf(this.found(id))),
      /** Stripe's expire: only an open session, and it sends checkout.session.expired */
      expire: async (id: string): Promise<CheckoutSessionState> => {
        const session = this.found(id);
        if (session.status !== 'open') {
          throw new LocalStripeError(400, 'checkout_session_not_open', 'The session is not open');
        }
        session.status = 'expired';
        await this.deliver(this.sessionEvent(session, 'checkout.session.expired'));
        return this.stateOf(session);
      },
    },
  };

  readonly refunds = {
    /** Stripe's refund: a completed payment, once; the same key answers the same refund */
    create: async (
      params: { payment_intent: string },
      options?: { idempotencyKey?: string },
    ): Promise<{ id: string }> => {
      const key = options?.idempotencyKey ?? null;
      const earlier = key ? this.refundsMade.find((r) => r.idempotencyKey === key) : undefined;
      if (earlier) return { id: earlier.id };
      const session = [...this.sessions.values()].find(
        (s) => s.paymentIntentId === params.payment_intent && s.status === 'complete',
      );
      if (!session) throw new LocalStripeError(404, 'resource_missing', 'No such payment_intent');
      if (this.refundsMade.some((r) => r.paymentIntentId === params.payment_intent)) {
        throw new LocalStripeError(
          400,
          'charge_already_refunded',
          'Charge has already been refunded',
        );
      }
      const refund: LocalRefund = {
        id: `re_local_${randomHex(12)}`,
        paymentIntentId: params.payment_intent,
        amount: session.amountTotal,
        idempotencyKey: key,
      };
      this.refundsMade.push(refund);
      return { id: refund.id };
    },
  };

  /** what Stripe does at `expires_at`: every open session past it expires, with its event */
  async expireDue(nowMs: number): Promise<string[]> {
    const due = [...this.sessions.values()].filter(
      (s) => s.status === 'open' && s.expiresAt !== null && s.expiresAt * 1000 <= nowMs,
    );
    for (const session of due) {
      session.status = 'expired';
      await this.deliver(this.sessionEvent(session, 'checkout.session.expired'));
    }
    return due.map((s) => s.id);
  }

  /** the signed event of a session, delivered again (a duplicate, as Stripe may send) */
  async redeliver(
    sessionId: string,
    type: 'checkout.session.completed' | 'checkout.session.expired',
  ) {
    const session = this.found(sessionId);
    const event = this.sessionEvent(session, type);
    return { event, status: await this.deliver(event) };
  }

  /** delivers an event as it was (same id): Stripe's duplicate delivery */
  deliverAgain(event: { created: number }): Promise<number> {
    return this.deliver(event);
  }

  private urlOf(id: string): string {
    return `${this.options.checkoutBaseUrl()}/local/pay?session=${encodeURIComponent(id)}`;
  }

  private found(id: string): LocalSession {
    const session = this.sessions.get(id);
    if (!session) throw new LocalStripeError(404, 'resource_missing', 'No such checkout session');
    return session;
  }

  private stateOf(session: LocalSession): CheckoutSessionState {
    return {
      id: session.id,
      url: session.status === 'open' ? this.urlOf(session.id) : null,
      status: session.status,
    };
  }

  private sessionEvent(session: LocalSession, type: string) {
    return {
      id: `evt_local_${randomHex(12)}`,
      object: 'event',
      type,
      created: Math.floor(this.options.now() / 1000),
      livemode: false,
      data: {
        object: {
          id: session.id,
          object: 'checkout.session',
          mode: session.mode,
          amount_total: session.amountTotal,
          currency: session.currency,
          payment_status: type === 'checkout.session.completed' ? 'paid' : 'unpaid',
          status: type === 'checkout.session.completed' ? 'complete' : 'expired',
          payment_intent:
            type === 'checkout.session.completed' && session.mode === 'payment'
              ? session.paymentIntentId
              : null,
          client_reference_id: session.purchaseId,
          metadata: session.metadata,
        },
      },
    };
  }

  /** the signed event, POSTed to the webhook; its HTTP status */
  private async deliver(event: { created: number }): Promise<number> {
    const payload = JSON.stringify(event);
    const signature = await this.signer.webhooks.generateTestHeaderStringAsync({
      payload,
      secret: this.options.webhookSecret,
      timestamp: event.created,
      cryptoProvider: this.crypto,
    });
    const res = await this.options.fetch(this.options.webhookUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    });
    await res.body?.cancel();
    return res.status;
  }

  /** Stripe's side of the payment: the signed event delivered to the webhook */
  async complete(
    sessionId: string,
    outcome: LocalOutcome,
  ): Promise<{ webhookStatus: number; redirect: string }> {
    const session = this.sessions.get(sessionId);
    if (!session) throw new LocalCheckoutError(404, 'No such checkout session');
    if (session.status === 'complete')
      throw new LocalCheckoutError(409, 'This checkout session is complete');
    if (session.status === 'expired')
      throw new LocalCheckoutError(410, 'This checkout session has expired');
    const event =
      outcome === 'paid'
        ? this.sessionEvent(session, 'checkout.session.completed')
        : {
            id: `evt_local_${randomHex(12)}`,
            object: 'event',
            type: 'payment_intent.payment_failed',
            created: Math.floor(this.options.now() / 1000),
            livemode: false,
            data: {
              object: {
                id: session.paymentIntentId,
                object: 'payment_intent',
                amount: session.amountTotal,
                currency: session.currency,
                metadata: session.metadata,
                last_payment_error: { message: 'Your card was declined. (local test checkout)' },
              },
            },
          };
    // the payment is taken before the event is sent: once paid, the session is complete
    if (outcome === 'paid') session.status = 'complete';
    const webhookStatus = await this.deliver(event);
    return {
      webhookStatus,
      redirect:
        outcome === 'paid'
          ? session.successUrl.replace('{CHECKOUT_SESSION_ID}', session.id)
          : session.cancelUrl,
    };
  }
}

/** shaped like the Stripe SDK's errors: statusCode and code */
export class LocalStripeError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class LocalCheckoutError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

const stacks = new Map<string, LocalStripe>();

/**
 * The one local Stripe of a stack (by its SUPABASE_URL): checkout creates the
 * sessions, the webhook refunds their payments, booking-holds expires them.
 */
export function sharedLocalStripe(env: Env, fetchImpl: typeof fetch = fetch): LocalStripe {
  const base = required(env, 'SUPABASE_URL').replace(/\/+$/, '');
  let local = stacks.get(base);
  if (!local) {
    local = new LocalStripe({
      checkoutBaseUrl: () => `${base}/functions/v1/checkout`,
      webhookUrl: () => `${base}/functions/v1/stripe-webhook`,
      webhookSecret: env('STRIPE_WEBHOOK_SECRET') ?? LOCAL_WEBHOOK_SECRET,
      fetch: fetchImpl,
      now: () => Date.now(),
    });
    stacks.set(base, local);
  }
  return local;
}
