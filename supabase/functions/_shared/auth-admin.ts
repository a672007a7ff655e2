// Accounts made for people who paid or asked for a course with only an email
// (a guest's purchase, an email-gated course): through Supabase Auth's admin API
// with the service role key, with no password. They sign in later with a code
// sent to that address, which also proves it is theirs.

/** creates an auth user for `email`, or null when the email is already taken */
export type CreateAccount = (guest: {
  email: string;
  name: string;
  locale: string;
}) => Promise<string | null>;

/** CreateAccount through Supabase Auth's admin API with the service role key */
export function authAdminCreateAccount(
  baseUrl: string,
  serviceKey: string,
  fetchImpl: typeof fetch = fetch,
): CreateAccount {
  const root = baseUrl.replace(/\/+$/, '');
  return async ({ email, name, locale }) => {
    const res = await fetchImpl(`${root}/auth/v1/admin/users`, {
      method: 'POST',
      headers: {
        apikey: serviceKey,
        authorization: `Bearer ${serviceKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        email,
        // the payment or the request came with this address; signing in still needs a code sent to it
        email_confirm: true,
        user_metadata: { display_name: name, locale },
      }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await res.json().catch(() => null)) as { id?: unknown } | null;
    if (res.ok && typeof body?.id === 'string') return body.id;
    if (res.status === 422) return null;
    throw new Error(`auth admin answered ${res.status}`);
  };
}
