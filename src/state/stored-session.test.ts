import { describe, expect, it } from 'vitest';
import { readStoredAuthState } from './stored-session.ts';

const key = 'sb-127-auth-token';

function storage(value: string | null) {
  return () => ({ getItem: (k: string) => (k === key ? value : null) });
}

const session = {
  access_token: 'a.b.c',
  refresh_token: 'r',
  expires_at: 1,
  user: { id: 'u1', email: 'coach@trackside.test', user_metadata: { display_name: 'Ирина' } },
};

describe('readStoredAuthState', () => {
  it('is signed in as the stored session’s user, expired or not', () => {
    const state = readStoredAuthState(storage(JSON.stringify(session)), key);
    expect(state).toMatchObject({
      status: 'signed-in',
      user: { id: 'u1', email: 'coach@trackside.test', displayName: 'Ирина' },
    });
  });

  it('is signed out when nothing is stored', () => {
    expect(readStoredAuthState(storage(null), key)).toEqual({ status: 'signed-out' });
  });

  it('leaves a value it does not understand to supabase-js', () => {
    for (const raw of ['{', '"x"', '{}', JSON.stringify({ ...session, user: { id: 1 } })]) {
      expect(readStoredAuthState(storage(raw), key)).toEqual({ status: 'loading' });
    }
  });

  it('leaves blocked storage to supabase-js', () => {
    const blocked = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    expect(readStoredAuthState(blocked, key)).toEqual({ status: 'loading' });
  });
});
