// Who is calling: the user id behind a Supabase access token, or null.
export type Authenticate = (accessToken: string) => Promise<string | null>;

/** the fields of a Supabase Auth user this code reads (unchecked: the caller checks each) */
export interface AuthUser {
  id?: unknown;
  email?: unknown;
}

/**
 * the Supabase Auth user behind a token, or null (GET /auth/v1/user with the
 * caller's token): it also honours logouts and asymmetric signing keys
 */
export function supabaseUser(
  baseUrl: string,
  apiKey: string,
  fetchImpl: typeof fetch = fetch,
): (accessToken: string) => Promise<AuthUser | null> {
  const root = baseUrl.replace(/\/+$/, '');
  return async (token) => {
    try {
      const res = await fetchImpl(`${root}/auth/v1/user`, {
        headers: { apikey: apiKey, authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) {
        await res.body?.cancel();
        return null;
      }
      return (await res.json()) as AuthUser | null;
    } catch {
      return null;
    }
  };
}

/** asks Supabase Auth (see `supabaseUser`) for the user id */
export function supabaseAuthenticate(
  baseUrl: string,
  apiKey: string,
  fetchImpl: typeof fetch = fetch,
): Authenticate {
  const user = supabaseUser(baseUrl, apiKey, fetchImpl);
  return async (token) => {
    const found = await user(token);
    return typeof found?.id === 'string' ? found.id : null;
  };
}
