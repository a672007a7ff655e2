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

export function localEmailDispatchFromEnv(env: Env) {
  const { rpc } = serviceClient(env);
  const mailbox = new MemoryMailbox();
  return createEmailDispatchHandler({
    rpc,
    serviceKey: required(env, 'SUPABASE_SERVICE_ROLE_KEY'),
    provider: mailbox,
    mailbox,
  });
}
