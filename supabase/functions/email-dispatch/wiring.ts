// Builds the handler from an environment: shared by the Deno entry (index.ts, an
// HTTP email API) and the local stack (local.ts, an in-memory mailbox).
import { type Env, required, serviceClient } from '../_shared/supabase.ts';
import { createEmailDispatchHandler } from './handler.ts';
import { MemoryMailbox, httpEmailProvider } from './providers.ts';

/** production: EMAIL_API_URL, EMAIL_API_KEY, EMAIL_FROM */
export function emailDispatchFromEnv(env: Env) {
  const { rpc } = serviceClient(env);
  return createEmailDispatchHandler({
    rpc,
    serviceKey: required(env, 'SUPABASE_SERVICE_ROLE_KEY'),
    provider: httpEmailProvider({
      url: required(env, 'EMAIL_API_URL'),
      apiKey: required(env, 'EMAIL_API_KEY'),
      from: required(env, 'EMAIL_FROM'),
    }),
  });
}

export function localEmailDispatchFromEnv(env: Env, fetchImpl: typeof fetch = fetch) {
  const { rpc } = serviceClient(env);
  const mailbox = new MemoryMailbox();
  const root = required(env, 'SUPABASE_URL').replace(/\/+$/, '');
  const apiKey = env('SUPABASE_ANON_KEY') ?? required(env, 'SUPABASE_SERVICE_ROLE_KEY');
  return createEmailDispatchHandler({
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
