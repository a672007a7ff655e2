// checkout in the local stack: the local test checkout instead of Stripe.
import { localCheckoutFromEnv } from '../../functions/checkout/wiring.ts';
import { buildOnFirstRequest } from '../build-on-first-request.ts';
import type { LocalEdgeFunction } from '../local-edge-function.ts';

const checkout: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest((env) => localCheckoutFromEnv(env), ctx.env);
export default checkout;
