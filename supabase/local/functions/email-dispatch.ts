// The local stack's registration (see _shared/edge-handler.ts): emails land in an
// in-memory mailbox, listed at /functions/v1/email-dispatch/local/mailbox.
import type { LocalEdgeFunction } from '../_shared/edge-handler.ts';
import { buildOnFirstRequest } from '../_shared/supabase.ts';
import { localEmailDispatchFromEnv } from './wiring.ts';

const emailDispatch: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest((env) => localEmailDispatchFromEnv(env), ctx.env);
export default emailDispatch;
