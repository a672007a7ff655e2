// Who a request runs as. The role comes only from a token whose HS256 signature
// verifies with the project's secret: the Authorization bearer token, else the
// apikey (as Supabase's gateway substitutes it). A valid token without a role
// claim is anon, as in PostgREST; a role outside the three API roles is refused,
// because the gateway's own connection could switch to any role.
import type { ApiRequest } from './http-types.ts';
import { type JwtClaims, type JwtFailure, verifyJwt } from './jwt.ts';

export type ApiRole = 'anon' | 'authenticated' | 'service_role';
const apiRoles = new Set<string>(['anon', 'authenticated', 'service_role']);

export interface Principal {
  role: ApiRole;
  claims: JwtClaims;
  /** the verified token itself */
  token: string;
}

export type PrincipalResult =
  | { ok: true; principal: Principal }
  | { ok: false; failure: JwtFailure | 'role' | 'missing'; detail: string };

/** `Authorization: Bearer <t>`, else the apikey header or query parameter */
export function requestToken(req: ApiRequest): string | null {
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return m?.[1] ?? auth;
  }
  return req.headers.apikey ?? req.url.searchParams.get('apikey');
}

export async function resolvePrincipal(
  token: string | null,
  secret: string,
  nowMs: number,
): Promise<PrincipalResult> {
  if (token === null || token === '') {
    return { ok: false, failure: 'missing', detail: 'No authorization token' };
  }
  const verified = await verifyJwt(token, secret, nowMs);
  if (!verified.ok) return verified;
  const role = verified.claims.role ?? 'anon';
  if (typeof role !== 'string' || !apiRoles.has(role)) {
    return {
      ok: false,
      failure: 'role',
      detail: `permission denied to set role "${String(role)}"`,
    };
  }
  return { ok: true, principal: { role: role as ApiRole, claims: verified.claims, token } };
}
