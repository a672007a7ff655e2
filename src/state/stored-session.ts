import type { Session } from '@supabase/supabase-js';
import { authStateFromSession, type AuthState } from './auth-state.ts';

/**
 * The auth state supabase-js will report once it has loaded, read straight
 * from the session it persisted: the shell draws a signed-in user's pages
 * without waiting for supabase-js. supabase-js stays the authority — its first
 * event confirms this state or replaces it (a session it refuses signs out).
 */
export function readStoredAuthState(
  storage: () => Pick<Storage, 'getItem'>,
  key: string,
): AuthState {
  let raw: string | null;
  try {
    // reaching localStorage itself throws where storage is blocked
    raw = storage().getItem(key);
  } catch {
    // storage blocked (some private modes): supabase-js will decide
    return { status: 'loading' };
  }
  if (raw === null) return { status: 'signed-out' };
  try {
    const value: unknown = JSON.parse(raw);
    return isStoredSession(value) ? authStateFromSession(value) : { status: 'loading' };
  } catch {
    return { status: 'loading' };
  }
}

function isStoredSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const { access_token, refresh_token, user } = value as Record<string, unknown>;
  if (typeof access_token !== 'string' || typeof refresh_token !== 'string') return false;
  if (typeof user !== 'object' || user === null) return false;
  return typeof (user as Record<string, unknown>)['id'] === 'string';
}
