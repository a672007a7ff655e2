// Who is calling: the user id behind a Supabase access token, or null.
import { jwtVerify } from 'jose';

export type Authenticate = (accessToken: string) => Promise<string | null>;

interface SupabaseAuthLike {
  auth: {
    getUser(jwt: string): PromiseLike<{ data: { user: { id: string } | null }; error: unknown }>;
  };
}

/** asks Supabase Auth (production: it also honours logouts and asymmetric keys) */
export function supabaseAuthenticate(client: SupabaseAuthLike): Authenticate {
  return async (token) => {
    try {
      const { data, error } = await client.auth.getUser(token);
      return error || !data.user ? null : data.user.id;
    } catch {
      return null;
    }
  };
}

/** verifies an HS256 Supabase access token locally (the local stack's tokens) */
export function jwtAuthenticate(secret: string, now: () => number = Date.now): Authenticate {
  const key = new TextEncoder().encode(secret);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        currentDate: new Date(now()),
      });
      if (payload.role !== 'authenticated' || typeof payload.sub !== 'string') return null;
      return payload.sub;
    } catch {
      return null;
    }
  };
}
