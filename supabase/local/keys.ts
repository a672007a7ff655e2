// The local stack's API keys: HS256 JWTs signed with the JWT secret, exactly as
// the Supabase CLI derives them, so the same secret always gives the same keys.
// Pure and synchronous (node:crypto only): vite.config.ts imports it to bake the
// default anon key into the PWA.
import { createHmac } from 'node:crypto';

/** Supabase's local development secret (`supabase start` uses the same one). */
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

// The CLI's fixed claims: issuer "supabase-demo", expiry in 2032.
const KEY_EXPIRY = 1983812996;

/** Signs `payload` as a compact HS256 JWT; claim order is kept as given. */
export function signHs256(payload: Record<string, unknown>, secret: string): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

/** The anon API key for `secret` (public: it ships in the PWA). */
export function localAnonKey(secret: string = DEFAULT_JWT_SECRET): string {
  return signHs256({ iss: 'supabase-demo', role: 'anon', exp: KEY_EXPIRY }, secret);
}

/** The service-role API key for `secret` (server-side only: it bypasses RLS). */
export function localServiceKey(secret: string = DEFAULT_JWT_SECRET): string {
  return signHs256({ iss: 'supabase-demo', role: 'service_role', exp: KEY_EXPIRY }, secret);
}
