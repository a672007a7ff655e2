// The local stack has no Stripe. This stands in for `stripe.checkout.sessions`
// and completes a session the way Stripe does: by POSTing a signed event to the
// real webhook path (signed with the Stripe SDK's test helper), so the demo and
// the end-to-end tests run the same webhook code as production. Its pay page is
// local-checkout-page.ts. Never used in production (checkout's index.ts always
// builds the real client).
import Stripe from 'stripe';
import type { CheckoutSessionParams, StripeCheckout } from '../../functions/checkout/handler.ts';

/** the local stack's webhook secret unless STRIPE_WEBHOOK_SECRET is set */
export const LOCAL_WEBHOOK_SECRET = 'whsec_trackside_local_stack_only';

export interface LocalSession {
  id: string;
  purchaseId: string;
  amountTotal: number;
  currency: string;
  mode: 'payment' | 'subscription';
  paymentIntentId: string;
  metadata: Record<string, string>;
  successUrl: string;
  cancelUrl: string;
  completed: boolean;
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
          amountTotal: item.unit_amount,
          currency: item.currency,
          mode: params.mode === 'subscription' ? 'subscription' : 'payment',
          paymentIntentId: `pi_local_${randomHex(12)}`,
          metadata: Object.fromEntries(
            Object.entries(params.metadata ?? {}).map(([k, v]) => [k, String(v)]),
          ),
          successUrl: params.success_url ?? '',
          cancelUrl: params.cancel_url ?? '',
          completed: false,
        });
        return {
          id,
          url: `${this.options.checkoutBaseUrl()}/local/pay?session=${encodeURIComponent(id)}`,
        };
      },
    },
  };

  /** Stripe's side of the payment: the signed event delivered to the webhook */
  async complete(
    sessionId: string,
    outcome: LocalOutcome,
  ): Promise<{ webhookStatus: number; redirect: string }> {
    const session = this.sessions.get(sessionId);
    if (!session) throw new LocalCheckoutError(404, 'No such checkout session');
    if (session.completed) throw new LocalCheckoutError(409, 'This checkout session is complete');
    const created = Math.floor(this.options.now() / 1000);
    const event =
      outcome === 'paid'
        ? {
            id: `evt_local_${randomHex(12)}`,
            object: 'event',
            type: 'checkout.session.completed',
            created,
            livemode: false,
            data: {
              object: {
                id: session.id,
                object: 'checkout.session',
                mode: session.mode,
                amount_total: session.amountTotal,
                currency: session.currency,
                payment_status: 'paid',
                status: 'complete',
                payment_intent: session.mode === 'payment' ? session.paymentIntentId : null,
                client_reference_id: session.purchaseId,
                metadata: session.metadata,
              },
            },
          }
        : {
            id: `evt_local_${randomHex(12)}`,
            object: 'event',
            type: 'payment_intent.payment_failed',
            created,
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
    const payload = JSON.stringify(event);
    const signature = await this.signer.webhooks.generateTestHeaderStringAsync({
      payload,
      secret: this.options.webhookSecret,
      timestamp: created,
      cryptoProvider: this.crypto,
    });
    const res = await this.options.fetch(this.options.webhookUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    });
    await res.body?.cancel();
    if (res.ok && outcome === 'paid') session.completed = true;
    return {
      webhookStatus: res.status,
      redirect:
        outcome === 'paid'
          ? session.successUrl.replace('{CHECKOUT_SESSION_ID}', session.id)
          : session.cancelUrl,
    };
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
