// The local stack has no Stripe. This stands in for `stripe.checkout.sessions`
// (create, retrieve, expire) and completes or expires a session the way Stripe
// does: by POSTing a signed event to the real webhook path (signed with the
// Stripe SDK's test helper), so the demo and the end-to-end tests run the same
// webhook code as production. Like Stripe, a session that is no longer open
// takes no payment. Its pay page is
// local-checkout-page.ts. Never used in production (checkout's index.ts always
// builds the real client).
import Stripe from 'stripe';
import type {
  CheckoutSessionParams,
  CheckoutSessionState,
  StripeCheckout,
} from '../../functions/checkout/handler.ts';

/** the local stack's webhook secret unless STRIPE_WEBHOOK_SECRET is set */
export const LOCAL_WEBHOOK_SECRET = 'whsec_trackside_local_stack_only';

export interface LocalSession {
  id: string;
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
  status: 'open' | 'complete' | 'expired';
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
  private readonly signer = new Stripe('sk_test_local_stack');
  private readonly crypto = Stripe.createSubtleCryptoProvider();

  constructor(private readonly options: LocalStripeOptions) {}

  readonly checkout = {
    sessions: {
      create: async (params: CheckoutSessionParams) => {
        const id = `cs_local_${randomHex(12)}`;
        const item = params.line_items?.[0]?.price_data;
        const purchaseId = params.metadata?.purchase_id;
        if (!item || item.unit_amount === undefined || !purchaseId) {
          throw new Error('a local session needs one priced line item and a purchase_id');
        }
        this.sessions.set(id, {
          id,
          purchaseId: String(purchaseId),
          name: item.product_data?.name ?? '',
          amountTotal: item.unit_amount,
          currency: item.currency,
          mode: params.mode === 'subscription' ? 'subscription' : 'payment',
          paymentIntentId: `pi_local_${randomHex(12)}`,
          metadata: Object.fromEntries(
            Object.entries(params.metadata ?? {}).map(([k, v]) => [k, String(v)]),
          ),
          successUrl: params.success_url ?? '',
          cancelUrl: params.cancel_url ?? '',
          status: 'open',
        });
        return { id, url: this.urlOf(id) };
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
                metadata: { purchase_id: session.purchaseId },
                last_payment_error: { message: 'Your card was declined. (local test checkout)' },
              },
            },
          };
    const webhookStatus = await this.deliver(event);
    const ok = webhookStatus >= 200 && webhookStatus < 300;
    if (ok && outcome === 'paid') session.status = 'complete';
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
