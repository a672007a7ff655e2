// Builds the handler from an environment, for the Deno entry (index.ts) and the
// local stack (supabase/local/functions/public-booking.ts): the service role's
// RPCs and SITE_URL, the site's origin the answers send the guest back to.
import { type Env, required, serviceClient } from '../_shared/supabase.ts';
import { createPublicBookingHandler } from './handler.ts';

export function publicBookingFromEnv(env: Env) {
  const { rpc } = serviceClient(env);
  return createPublicBookingHandler({ rpc, siteUrl: required(env, 'SITE_URL') });
}
