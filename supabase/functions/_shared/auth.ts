// Who is calling: the user id behind a Supabase access token, or null.
export type Authenticate = (accessToken: string) => Promise<string | null>;

/**
 * asks Supabase Auth (GET /auth/v1/user with the caller's token): it also honours
 * logouts and asymmetric signing keys
 */
export function supabaseAuthenticate(
  baseUrl: string,
  apiKey: string,
  fetchImpl: typeof fetch = fetch,
): Authenticate {
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
      const user = (await res.json()) as { id?: unknown } | null;
      return typeof user?.id === 'string' ? user.id : null;
    } catch {
      return null;
    }
  };
}
