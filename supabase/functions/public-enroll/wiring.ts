// Builds the handler from an environment: shared by the Deno entry (index.ts) and
// the local stack (supabase/local/functions/public-enroll.ts).
import { authAdminCreateAccount } from '../_shared/auth-admin.ts';
import { type Env, required, serviceClient } from '../_shared/supabase.ts';
import { createPublicEnrollHandler } from './handler.ts';

/** PUBLIC_SITE_URL (the public pages' origin) or SITE_URL */
export function publicEnrollFromEnv(env: Env) {
  const { rpc } = serviceClient(env);
  return createPublicEnrollHandler({
    rpc,
    createAccount: authAdminCreateAccount(
      required(env, 'SUPABASE_URL'),
      required(env, 'SUPABASE_SERVICE_ROLE_KEY'),
    ),
    siteUrl: env('PUBLIC_SITE_URL') ?? required(env, 'SITE_URL'),
  });
}
