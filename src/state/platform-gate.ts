// Who may open the platform's pages (the review of partner applications, the
// feature flags), and whether they can work now: a platform admin (owner or admin
// of an organization of kind `platform`, as private.is_platform_admin() says on
// the server, which decides anyway) who is online. Each page asks it first and
// shows `gateNotice` (src/ui/gate-notice.ts) instead of itself until `ready`.
import { ContextConsumer } from '@lit/context';
import type { LitElement, ReactiveController } from 'lit';
import type { AppClient } from '../data/supabase-client.ts';
import type { GateState } from '../domain/gate-state.ts';
import type { AuthState } from './auth-state.ts';
import { authContext, supabaseContext } from './contexts.ts';
import { MyOrganizationsController } from './my-organizations-controller.ts';
import { OnlineController } from './online-controller.ts';

export class PlatformGate implements ReactiveController {
  readonly #client: ContextConsumer<typeof supabaseContext, LitElement>;
  readonly #auth: ContextConsumer<typeof authContext, LitElement>;
  readonly #organizations: MyOrganizationsController;
  readonly #online: OnlineController;
  #loadedFor = '';
  #wasOnline = false;

  constructor(host: LitElement) {
    this.#client = new ContextConsumer(host, { context: supabaseContext });
    this.#auth = new ContextConsumer(host, { context: authContext, subscribe: true });
    this.#organizations = new MyOrganizationsController(host);
    this.#online = new OnlineController(host);
    host.addController(this);
  }

  hostUpdate(): void {
    const auth: AuthState | undefined = this.#auth.value;
    const user = auth?.status === 'signed-in' ? auth.user : undefined;
    const client = this.#client.value;
    const backOnline = this.#online.online && !this.#wasOnline;
    this.#wasOnline = this.#online.online;
    if (user && client && (user.id !== this.#loadedFor || backOnline)) {
      this.#loadedFor = user.id;
      void this.#organizations.load(client, user.id);
    }
  }

  get client(): AppClient | undefined {
    return this.#client.value;
  }

  get state(): GateState {
    if (!this.#online.online) return 'offline';
    const s = this.#organizations.state;
    if (s.status === 'error') return s.network ? 'offline' : 'error';
    const items = s.status === 'ready' || s.status === 'loading' ? s.items : null;
    if (!items) return 'loading';
    const admin = items.some((o) => o.kind === 'platform' && ['owner', 'admin'].includes(o.role));
    if (admin) return 'ready';
    return s.status === 'ready' ? 'forbidden' : 'loading';
  }
}
