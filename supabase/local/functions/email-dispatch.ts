// email-dispatch in the local stack: the production handler sending into an
// in-memory mailbox (supabase/local/stand-ins/memory-mailbox.ts) instead of an
// email API, and that mailbox listed at /functions/v1/email-dispatch/local/mailbox.
import { supabaseUser } from '../../functions/_shared/auth.ts';
import { withCors } from '../../functions/_shared/cors.ts';
import { type Env, required, serviceClient } from '../../functions/_shared/supabase.ts';
import {
  type EmailDispatchDeps,
  handleEmailDispatch,
} from '../../functions/email-dispatch/handler.ts';
import { postgrestSessionDetails } from '../../functions/email-dispatch/session-details.ts';
import { rpcSenderNames } from '../../functions/email-dispatch/sender-names.ts';
import { buildOnFirstRequest } from '../build-on-first-request.ts';
import type { LocalEdgeFunction } from '../local-edge-function.ts';
import { type MailboxReaders, isMailboxPath, serveMailbox } from '../stand-ins/mailbox-route.ts';
import { MemoryMailbox } from '../stand-ins/memory-mailbox.ts';

/** email-dispatch that also serves `mailbox` (CORS: the app's /mailbox page reads it) */
export function createLocalEmailDispatchHandler(deps: EmailDispatchDeps & MailboxReaders) {
  return withCors((req) =>
    isMailboxPath(req) ? serveMailbox(req, deps) : handleEmailDispatch(req, deps),
  );
}

export function localEmailDispatchFromEnv(
  env: Env,
  fetchImpl: typeof fetch = fetch,
  // the gateway's, which Auth's sign-in codes also go to
  mailbox: MemoryMailbox = new MemoryMailbox(),
) {
  const { rpc } = serviceClient(env);
  const authUser = supabaseUser(
    required(env, 'SUPABASE_URL'),
    env('SUPABASE_ANON_KEY') ?? required(env, 'SUPABASE_SERVICE_ROLE_KEY'),
    fetchImpl,
  );
  return createLocalEmailDispatchHandler({
    rpc,
    serviceKey: required(env, 'SUPABASE_SERVICE_ROLE_KEY'),
    // the served app's origin (local-functions.ts passes it to every function)
    siteUrl: env('SITE_URL') ?? null,
    provider: mailbox,
    senderNames: rpcSenderNames(rpc),
    sessionDetails: postgrestSessionDetails(
      required(env, 'SUPABASE_URL'),
      required(env, 'SUPABASE_SERVICE_ROLE_KEY'),
      fetchImpl,
    ),
    mailbox,
    // the mailbox's reader: Supabase Auth says whose token it is (and honours logouts)
    async userEmail(token) {
      const user = await authUser(token);
      return typeof user?.email === 'string' && user.email !== '' ? user.email : null;
    },
  });
}

const emailDispatch: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest((env) => localEmailDispatchFromEnv(env, fetch, ctx.mailbox), ctx.env);
export default emailDispatch;
