import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SupabaseClient } from '@supabase/supabase-js';
import { ContextProvider } from './context.ts';
import { authContext } from './contexts.ts';
import { authStateFromSession, type AuthState } from './auth-state.ts';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Owns the auth session for the whole app: follows supabase-js's auth events and
 * provides the current {@link AuthState} through {@link authContext}. Put it on
 * the root element only; everything below consumes the context.
 */
export class AuthSessionController implements ReactiveController {
  readonly #host: Host;
  readonly #client: SupabaseClient;
  readonly #provider: ContextProvider<AuthState>;
  readonly #onChange: ((state: AuthState, previous: AuthState) => void) | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(
    host: Host,
    client: SupabaseClient,
    onChange?: (state: AuthState, previous: AuthState) => void,
  ) {
    this.#host = host;
    this.#client = client;
    this.#onChange = onChange;
    this.#provider = new ContextProvider<AuthState>(host, authContext, { status: 'loading' });
    host.addController(this);
  }

  get state(): AuthState {
    return this.#provider.value;
  }

  hostConnected(): void {
    // INITIAL_SESSION arrives first, from localStorage, with no network: a cold
    // start offline still opens signed in.
    const { data } = this.#client.auth.onAuthStateChange((_event, session) => {
      const previous = this.#provider.value;
      const next = authStateFromSession(session);
      // token refreshes arrive here too: pass the fresh session on, but only a
      // change of user is news for the shell
      this.#provider.setValue(next);
      if (sameUser(previous, next)) return;
      this.#onChange?.(next, previous);
      this.#host.requestUpdate();
    });
    this.#unsubscribe = () => data.subscription.unsubscribe();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}

function sameUser(a: AuthState, b: AuthState): boolean {
  if (a.status !== b.status) return false;
  if (a.status !== 'signed-in' || b.status !== 'signed-in') return true;
  return a.user.id === b.user.id && a.user.displayName === b.user.displayName;
}
