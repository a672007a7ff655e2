// email-dispatch in the local stack: emails land in an in-memory mailbox, listed
// at /functions/v1/email-dispatch/local/mailbox.
import { localEmailDispatchFromEnv } from '../../functions/email-dispatch/wiring.ts';
import { buildOnFirstRequest } from '../build-on-first-request.ts';
import type { LocalEdgeFunction } from '../local-edge-function.ts';

const emailDispatch: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest((env) => localEmailDispatchFromEnv(env), ctx.env);
export default emailDispatch;
