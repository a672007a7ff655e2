// The plumbing of a function a signed-in user calls (checkout, moyklass-proxy):
// POST only, a bearer token that must name a user, the caller's budget, a JSON
// body checked against a schema, a JSON answer, and every error as an error body.
//
//   return handleSignedInPost(req, deps, requestSchema, async (input, userId) => {
//     ...
//     return { ...the 200 body };
//   });
import type { z } from 'zod';
import type { Authenticate } from './auth.ts';
import {
  HttpError,
  bearerToken,
  errorResponse,
  jsonResponse,
  readJson,
  requireMethod,
} from './http-error.ts';
import type { CallerLimiter } from './rate-limit.ts';
import { type Rpc, rpcHttpError } from './rpc.ts';

export interface SignedInDeps {
  authenticate: Authenticate;
  /** per-user budget of calls (429 beyond it) */
  callerLimiter?: CallerLimiter;
}

export async function handleSignedInPost<S extends z.ZodType>(
  req: Request,
  deps: SignedInDeps,
  schema: S,
  answer: (input: z.output<S>, userId: string) => Promise<unknown>,
): Promise<Response> {
  try {
    requireMethod(req, 'POST');
    const userId = await deps.authenticate(bearerToken(req));
    if (!userId) throw new HttpError(401, 'unauthorized', 'Sign in first');
    deps.callerLimiter?.take(userId);
    const input = await readJson(req, schema);
    return jsonResponse(await answer(input, userId));
  } catch (e) {
    return errorResponse(e);
  }
}

/** one RPC whose answer must match `schema`; either failure is the RPC's HTTP error */
export async function rpcParsed<S extends z.ZodType>(
  rpc: Rpc,
  fn: string,
  args: Record<string, unknown>,
  schema: S,
): Promise<z.output<S>> {
  try {
    return schema.parse(await rpc(fn, args));
  } catch (e) {
    throw rpcHttpError(e);
  }
}
