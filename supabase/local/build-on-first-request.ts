// A handler built on its first request, from that request's environment: the
// local stack knows its own URL only once it listens, after registration.
import type { Env } from '../functions/_shared/supabase.ts';

export function buildOnFirstRequest(
  build: (env: Env) => (req: Request) => Promise<Response>,
  fallback: Env,
): (req: Request, ctx?: { env: Env }) => Promise<Response> {
  let handler: ((req: Request) => Promise<Response>) | null = null;
  return (req, ctx) => {
    handler ??= build(ctx?.env ?? fallback);
    return handler(req);
  };
}
