import type { Session } from '@supabase/supabase-js';

export interface SignedInUser {
  id: string;
  email: string;
  /** the name given at sign-up (user metadata), or the email when there is none */
  displayName: string;
}

export type AuthState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: SignedInUser; session: Session };

/** the shell's view of a Supabase session */
export function authStateFromSession(session: Session | null): AuthState {
  if (!session) return { status: 'signed-out' };
  const { user } = session;
  const email = user.email ?? '';
  const metadata: Record<string, unknown> = user.user_metadata ?? {};
  const name = metadata['display_name'] ?? metadata['full_name'] ?? metadata['name'];
  return {
    status: 'signed-in',
    session,
    user: {
      id: user.id,
      email,
      displayName: typeof name === 'string' && name.trim() ? name.trim() : email,
    },
  };
}
