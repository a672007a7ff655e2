// The local stack's registration (see _shared/edge-handler.ts): the local test
// checkout instead of Stripe.
import type { LocalEdgeFunction } from '../_shared/edge-handler.ts';
import { buildOnFirstRequest } from '../_shared/supabase.ts';
import { localCheckoutFromEnv } from './wiring.ts';

const checkout: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest((env) => localCheckoutFromEnv(env), ctx.env);
export default checkout;
