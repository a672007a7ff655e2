// Who may open the flags pages, and whether they can work now: a platform admin
// (owner or admin of an organization of kind `platform`, as
// private.is_platform_admin() says on the server, which decides anyway) who is
// online. The same gate as the review of partner applications
// (features/partner-review/platform-gate.ts), in the flags pages' words: every
// flags page asks it first and shows its answer instead of itself until `ready`.
import { ContextConsumer } from '@lit/context';
import { html, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import type { AppClient } from '../../data/supabase-client.ts';
import type { AuthState } from '../../state/auth-state.ts';
import { authContext, supabaseContext } from '../../state/contexts.ts';
import { MyOrganizationsController } from '../../state/my-organizations-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import '../../ui/ts-notice.ts';
import { featureFlagsStrings as t } from './feature-flags-strings.ts';

export type GateState = 'loading' | 'offline' | 'forbidden' | 'ready' | 'error';

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

  /** what the page shows instead of itself, or null when it may show itself */
  view(title: string): TemplateResult | null {
    switch (this.state) {
      case 'ready':
        return null;
      case 'offline':
        return html`<h1>${title}</h1>
          <ts-notice><p>${t.offline}</p></ts-notice>`;
      case 'forbidden':
        return html`<h1>${title}</h1>
          <ts-notice><p>${t.forbidden}</p></ts-notice>`;
      case 'error':
        return html`<h1>${title}</h1>
          <ts-notice tone="error"><p>${t.offline}</p></ts-notice>`;
      default:
        return html`<h1>${title}</h1>
          <p class="muted" role="status">${t.loading}</p>`;
    }
  }
}

/** the sub-navigation between the flags and the check of an organization */
export function flagsNav(current: 'flags' | 'check' | null): TemplateResult {
  return html`<nav aria-label=${t.listTitle}>
    <ul class="subnav">
      <li>
        <a href="/platform/flags" aria-current=${current === 'flags' ? 'page' : 'false'}
          >${t.nav.flags}</a
        >
      </li>
      <li>
        <a
          href="/platform/flags/by-organization"
          aria-current=${current === 'check' ? 'page' : 'false'}
          >${t.nav.check}</a
        >
      </li>
    </ul>
  </nav>`;
}
