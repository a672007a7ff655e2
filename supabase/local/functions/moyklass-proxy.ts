// moyklass-proxy in the local stack, as deployed: the local stack points
// MOYKLASS_BASE_URL at the demo Moyklass (supabase/local/demo-moyklass.ts).
import { moyklassProxyFromEnv } from '../../functions/moyklass-proxy/wiring.ts';
import { buildOnFirstRequest } from '../build-on-first-request.ts';
import type { LocalEdgeFunction } from '../local-edge-function.ts';

const moyklassProxy: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest((env) => moyklassProxyFromEnv(env), ctx.env);
export default moyklassProxy;
