import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SupabaseClient } from '@supabase/supabase-js';
import { ContextProvider } from '@lit/context';
import { authContext } from './contexts.ts';
import { authStateFromSession, type AuthState } from './auth-state.ts';
import { afterFirstDraw } from '../data/first-draw.ts';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Owns the auth session for the whole app: provides the current
 * {@link AuthState} through {@link authContext}, starting from the session
 * stored on the device and then following supabase-js's auth events once the
 * client has loaded. Put it on the root element only; everything below
 * consumes the context.
 */
export class AuthSessionController implements ReactiveController {
  readonly #host: Host;
  readonly #client: () => Promise<SupabaseClient>;
  readonly #provider: ContextProvider<typeof authContext, Host>;
  readonly #onChange: ((state: AuthState, previous: AuthState) => void) | undefined;
  #announced = false;
  #connected = false;
  #unsubscribe: (() => void) | undefined;

  constructor(
    host: Host,
    client: () => Promise<SupabaseClient>,
    initial: AuthState,
    onChange?: (state: AuthState, previous: AuthState) => void,
  ) {
    this.#host = host;
    this.#client = client;
    this.#onChange = onChange;
    this.#provider = new ContextProvider(host, { context: authContext, initialValue: initial });
    host.addController(this);
  }

  get state(): AuthState {
    return this.#provider.value;
  }

  hostConnected(): void {
    this.#connected = true;
    // the stored session is news too: the shell starts the user's engine on it
    const initial = this.#provider.value;
    if (!this.#announced && initial.status !== 'loading') {
      this.#announced = true;
      this.#onChange?.(initial, { status: 'loading' });
    }
    const follow = (): void => {
      this.#client().then(
        (client) => this.subscribe(client),
        (error: unknown) => {
          // offline before supabase-js was ever cached: try again with the network
          console.error('supabase-js failed to load', error);
          if (this.#connected) window.addEventListener('online', follow, { once: true });
        },
      );
    };
    // with a stored session the first page needs nothing from supabase-js:
    // follow its events once the page is up, not while it is being drawn
    if (initial.status === 'signed-in') afterFirstDraw(follow);
    else follow();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  private subscribe(client: SupabaseClient): void {
    if (!this.#connected || this.#unsubscribe) return;
    // INITIAL_SESSION arrives first, from localStorage, with no network: a cold
    // start offline still opens signed in.
    const { data } = client.auth.onAuthStateChange((_event, session) => {
      const previous = this.#provider.value;
      const next = authStateFromSession(session);
      // token refreshes arrive here too: pass the fresh session on, but only a
      // change of user is news for the shell
      this.#provider.setValue(next);
      this.#announced = true;
      if (sameUser(previous, next)) return;
      this.#onChange?.(next, previous);
      this.#host.requestUpdate();
    });
    this.#unsubscribe = () => data.subscription.unsubscribe();
  }
}

function sameUser(a: AuthState, b: AuthState): boolean {
  if (a.status !== b.status) return false;
  if (a.status !== 'signed-in' || b.status !== 'signed-in') return true;
  return a.user.id === b.user.id && a.user.displayName === b.user.displayName;
}
