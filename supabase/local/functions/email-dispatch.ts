// email-dispatch in the local stack: the production handler sending into an
// in-memory mailbox (supabase/local/stand-ins/memory-mailbox.ts) instead of an
// email API, and that mailbox listed at /functions/v1/email-dispatch/local/mailbox.
import { withCors } from '../../functions/_shared/cors.ts';
import { type Env, required, serviceClient } from '../../functions/_shared/supabase.ts';
import {
  type EmailDispatchDeps,
  handleEmailDispatch,
} from '../../functions/email-dispatch/handler.ts';
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

export function localEmailDispatchFromEnv(env: Env, fetchImpl: typeof fetch = fetch) {
  const { rpc } = serviceClient(env);
  const mailbox = new MemoryMailbox();
  const root = required(env, 'SUPABASE_URL').replace(/\/+$/, '');
  const apiKey = env('SUPABASE_ANON_KEY') ?? required(env, 'SUPABASE_SERVICE_ROLE_KEY');
  return createLocalEmailDispatchHandler({
    rpc,
    serviceKey: required(env, 'SUPABASE_SERVICE_ROLE_KEY'),
    provider: mailbox,
    mailbox,
    // the mailbox's reader: Supabase Auth says whose token it is (and honours logouts)
    async userEmail(token) {
      try {
        const res = await fetchImpl(`${root}/auth/v1/user`, {
          headers: { apikey: apiKey, authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(10_000),
        });
        if (!res.ok) {
          await res.body?.cancel();
          return null;
        }
        const user = (await res.json()) as { email?: unknown } | null;
        return typeof user?.email === 'string' && user.email !== '' ? user.email : null;
      } catch {
        return null;
      }
    },
  });
}

const emailDispatch: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest((env) => localEmailDispatchFromEnv(env), ctx.env);
export default emailDispatch;
