// The local stack's registration (see _shared/edge-handler.ts): events come from
// the local test checkout, signed with the local secret unless one is configured.
import type { LocalEdgeFunction } from '../_shared/edge-handler.ts';
import { buildOnFirstRequest } from '../_shared/supabase.ts';
import { LOCAL_WEBHOOK_SECRET } from '../checkout/local-stripe.ts';
import { stripeWebhookFromEnv } from './wiring.ts';

const stripeWebhook: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest(
    (env) => stripeWebhookFromEnv(env, { webhookSecret: LOCAL_WEBHOOK_SECRET }),
    ctx.env,
  );
export default stripeWebhook;
