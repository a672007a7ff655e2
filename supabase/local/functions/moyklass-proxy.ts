// The local stack's registration (see _shared/edge-handler.ts).
import type { LocalEdgeFunction } from '../_shared/edge-handler.ts';
import { buildOnFirstRequest } from '../_shared/supabase.ts';
import { moyklassProxyFromEnv } from './wiring.ts';

const moyklassProxy: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest((env) => moyklassProxyFromEnv(env), ctx.env);
export default moyklassProxy;
