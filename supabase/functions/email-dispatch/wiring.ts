// Builds the handler from an environment for the Deno entry (index.ts), sending
// through an HTTP email API. The local stack builds its own, with an in-memory
// mailbox: supabase/local/functions/email-dispatch.ts.
import { type Env, required, serviceClient } from '../_shared/supabase.ts';
import { createEmailDispatchHandler } from './handler.ts';
import { httpEmailProvider } from './providers.ts';
import { postgrestSessionDetails } from './session-details.ts';
import { rpcSenderNames } from './sender-names.ts';

/** production: EMAIL_API_URL, EMAIL_API_KEY, EMAIL_FROM, SITE_URL (the app's origin, for links) */
export function emailDispatchFromEnv(env: Env) {
  const { rpc } = serviceClient(env);
  return createEmailDispatchHandler({
    rpc,
    serviceKey: required(env, 'SUPABASE_SERVICE_ROLE_KEY'),
    siteUrl: required(env, 'SITE_URL'),
    senderNames: rpcSenderNames(rpc),
    sessionDetails: postgrestSessionDetails(
      required(env, 'SUPABASE_URL'),
      required(env, 'SUPABASE_SERVICE_ROLE_KEY'),
    ),
    provider: httpEmailProvider({
      url: required(env, 'EMAIL_API_URL'),
      apiKey: required(env, 'EMAIL_API_KEY'),
      from: required(env, 'EMAIL_FROM'),
    }),
  });
}
