import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { authStorageKey, loadSupabase, type AppClient } from '../data/supabase-client.ts';
import { startSyncEngine } from '../data/start-sync-engine.ts';
import { afterFirstDraw, holdFirstDraw } from '../data/first-draw.ts';
import { AuthSessionController } from '../state/auth-session-controller.ts';
import type { AuthState } from '../state/auth-state.ts';
import { readStoredAuthState } from '../state/stored-session.ts';
import { ContextProvider } from '@lit/context';
import { supabaseContext } from '../state/contexts.ts';
import { clearMyOrganizationsCache } from '../state/my-organizations-cache.ts';
import { clearCurrentOrganizations } from '../state/current-organization-storage.ts';
import { OnlineController } from '../state/online-controller.ts';
import { RouterController } from '../state/router-controller.ts';
import { SwUpdateController } from '../state/sw-update-controller.ts';
import { syncEngineContext } from '../state/sync-engine-context.ts';
import { SyncStatusController } from '../state/sync-status-controller.ts';
import { strings } from '../i18n/shell-strings.ts';
import { syncStrings } from '../features/sync-issues/index.ts';
import { rememberReferralFromUrl } from '../state/pending-referral.ts';
import type { FeatureRoute } from '../state/feature-route.ts';
import { returnPathOf } from '../domain/return-path.ts';
import { notFound, routes, signIn } from './routes.ts';
import { pageFor } from './page-for.ts';
import './acting-banner.ts';
import '../ui/ts-app-bar.ts';
import '../ui/ts-sync-status.ts';
import '../ui/ts-update-prompt.ts';
import { currentIntlTag } from '../i18n/locale.ts';
import { localeReady } from './locale-ready.ts';
import { publicPageNavigation } from '../domain/reserved-slugs.ts';
import { sharedStyles } from '../ui/shared-styles.ts';
import type { NavigateEvent } from '../ui/navigate-event.ts';

// one formatter for the bar's times (the last sync, the next retry): building one
// per render costs about a millisecond, and the bar renders often while the app starts
let clock: Intl.DateTimeFormat | undefined;
function clockTime(): Intl.DateTimeFormat {
  clock ??= new Intl.DateTimeFormat(currentIntlTag, { hour: '2-digit', minute: '2-digit' });
  return clock;
}

const byName = new Map(routes.map((r) => [r.name, r]));

/**
 * The shell: app bar, the routed page and the update prompt. Provides the
 * Supabase client and the auth session to everything below, and decides which
 * page a URL shows from the route table the features contribute (./routes.ts,
 * ./page-for.ts): public routes for anyone, the rest for a session.
 */
const publicPage = publicPageNavigation();

@customElement('app-root')
export class AppRoot extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        min-height: 100dvh;
        display: flex;
        flex-direction: column;
      }
      /* the bar and its pending-changes chip stay on screen while the page scrolls */
      ts-app-bar {
        position: sticky;
        top: 0;
        z-index: 10;
      }
      main {
        flex: 1;
        width: 100%;
        max-width: 40rem;
        margin: 0 auto;
        padding: var(--ts-space-5) var(--ts-space-4) var(--ts-space-6);
      }
      main:focus {
        outline: none;
      }
      /* room to scroll the page's end out from under the update prompt */
      main.under-prompt {
        padding-bottom: 9rem;
      }
      /* and from under the tab bar (56 px and the phone's home indicator) */
      main.above-tabs {
        padding-bottom: calc(56px + var(--ts-space-6) + env(safe-area-inset-bottom));
      }
      main.above-tabs.under-prompt {
        padding-bottom: calc(56px + 9rem + env(safe-area-inset-bottom));
      }
      .above-tabs ~ ts-update-prompt {
        bottom: calc(56px + var(--ts-space-3) + env(safe-area-inset-bottom));
      }
      .skip {
        position: absolute;
        left: var(--ts-space-2);
        top: -100px;
        z-index: 20;
        padding: var(--ts-space-2) var(--ts-space-3);
        background: var(--ts-color-surface);
      }
      .skip:focus {
        top: var(--ts-space-2);
      }
      .loading {
        color: var(--ts-color-muted);
      }
    `,
  ];

  // the public pages are the server's: the app's links to them load them for real
  readonly #router = new RouterController(this, routes, (url) =>
    publicPage.test(url.pathname + url.search),
  );
  readonly #online = new OnlineController(this);
  readonly #swUpdate = new SwUpdateController(this);
  /** the Supabase client once loaded; pages other than `local` ones wait for it */
  #loadedClient: AppClient | undefined;
  /**
   * provided from the start, empty until the client loads: a `local` page that
   * subscribes (the home) draws from the device first and hears of the client later
   */
  readonly #clientProvider = new ContextProvider(this, { context: supabaseContext });
  #client: Promise<AppClient> | undefined;
  readonly #auth = new AuthSessionController(
    this,
    () => this.client(),
    readStoredAuthState(() => localStorage, authStorageKey),
    (state, previous) => this.onAuthChange(state, previous),
  );
  readonly #sync = new SyncStatusController(this);
  readonly #engineProvider = new ContextProvider(this, {
    context: syncEngineContext,
    initialValue: null,
  });
  /** bumps on every sign-in/out so a slow engine start for an old user is dropped */
  #engineGeneration = 0;
  readonly #loaded = new Set<FeatureRoute['load']>();
  #renderedPage: FeatureRoute | undefined;

  /** whether this page load's catalogue is in place (see localeReady) */
  #localeReady = false;
  /**
   * the start's deferred work waits for the first page: its module loaded and
   * drawn, and a signed-in user's engine open (or failed), so the page's own
   * device reads have begun (they hold the start further, see LocalQueryController)
   */
  readonly #drawing = holdFirstDraw();
  #engineSettled = false;
  /** the app bar shows the last sync's time once the first page is drawn */
  #clockShown = false;

  constructor() {
    super();
    // a partner's `?ref=` link: its code waits for the club this person creates
    rememberReferralFromUrl(location.search, Date.now());
    afterFirstDraw(() => {
      this.#clockShown = true;
      this.requestUpdate();
    });
    void localeReady.then(() => {
      this.#localeReady = true;
      this.requestUpdate();
    });
    this.addEventListener('navigate', (event: NavigateEvent) => {
      this.#router.navigate(event.to, { replace: event.replace });
    });
  }

  override render() {
    if (!this.#localeReady) return nothing;
    const page = this.currentPage();
    // the main places one tap away on every page of a signed-in user
    const tabs = this.#engineProvider.value !== null && this.#auth.state.status === 'signed-in';
    const mainClass = [this.#swUpdate.needRefresh ? 'under-prompt' : '', tabs ? 'above-tabs' : '']
      .join(' ')
      .trim();
    return html`
      <a class="skip" href="#main" @click=${this.skipToMain}>${strings.skipToContent}</a>
      <ts-app-bar heading=${strings.appName}
        >${
          this.#engineProvider.value
            ? html`<organization-switch compact></organization-switch>`
            : nothing
        }${this.renderSyncStatus()}</ts-app-bar
      >
      ${this.#loadedClient ? html`<acting-banner></acting-banner>` : nothing}
      ${this.#engineProvider.value ? html`<partner-brand-mark></partner-brand-mark>` : nothing}
      <main id="main" tabindex="-1" class=${mainClass}>
        ${page ? this.renderPage(page) : this.renderLoading()}
      </main>
      ${tabs ? html`<tab-bar path=${this.#router.route.path}></tab-bar>` : nothing}
      ${
        this.#swUpdate.needRefresh
          ? html`<ts-update-prompt
              message=${strings.newVersion}
              reload-label=${strings.reload}
              dismiss-label=${strings.dismiss}
              @reload-requested=${() => this.#swUpdate.reload()}
              @dismissed=${() => this.#swUpdate.dismiss()}
            ></ts-update-prompt>`
          : nothing
      }
    `;
  }

  override updated(): void {
    const page = this.currentPage();
    if (!page || !this.#loaded.has(page.load)) return;
    if (this.#engineSettled || this.#auth.state.status !== 'signed-in') this.#drawing();
    if (page === this.#renderedPage) return;
    const first = this.#renderedPage === undefined;
    this.#renderedPage = page;
    void Promise.resolve(page.title()).then((title) => {
      // a quicker navigation since may have shown another page
      if (this.#renderedPage === page) document.title = `${title} · ${strings.appName}`;
    });
    // after an in-app navigation, start screen readers and keyboards at the new content
    if (!first) this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  /** the page for the current URL and session, or undefined while the session is read */
  private currentPage(): FeatureRoute | undefined {
    if (!this.#localeReady) return undefined;
    const { name } = this.#router.route;
    const route = name === null ? null : (byName.get(name) ?? null);
    const page = pageFor(route, this.#auth.state.status, { notFound, signIn });
    if (!page) return undefined;
    if (page.access === 'local' || this.#loadedClient) return page;
    this.client().catch((error: unknown) => console.error('supabase-js failed to load', error));
    return undefined;
  }

  private renderPage(page: FeatureRoute): TemplateResult {
    // pages sharing a module (`/invite` and `/invite/:token`) share its load
    if (this.#loaded.has(page.load)) return page.render(this.#router.route.params);
    page
      .load()
      .then(() => {
        this.#loaded.add(page.load);
        this.requestUpdate();
      })
      .catch((error: unknown) => {
        // a chunk missing offline (first visit never finished) or a stale deploy
        console.error('page failed to load', error);
      });
    return this.renderLoading();
  }

  private renderSyncStatus(): TemplateResult {
    const sync = this.#sync;
    const online = this.#online.online;
    // signed out there is nothing to sync: only the network state matters
    if (!this.#engineProvider.value) {
      return online
        ? html``
        : html`<ts-sync-status
            .online=${false}
            offline-label=${syncStrings.offline}
          ></ts-sync-status>`;
    }
    // a page's first Intl.DateTimeFormat pays for ICU's start (6–15 ms here): the
    // last sync's time waits for the first draw, which may need none
    const time =
      sync.lastSyncAt === null || !this.#clockShown ? '' : clockTime().format(sync.lastSyncAt);
    const last =
      sync.lastSyncAt === null ? syncStrings.neverSynced : time ? syncStrings.lastSync(time) : '';
    // refused changes and overwritten ones both wait for the user on /sync
    const rejected = sync.rejected.length;
    const superseded = sync.superseded.length;
    return html`<ts-sync-status
      .online=${online}
      .pending=${sync.pending}
      .rejected=${rejected + superseded}
      online-label=${sync.syncing ? syncStrings.syncing : syncStrings.online}
      offline-label=${syncStrings.offline}
      .failing=${sync.error !== null && !sync.needsSignIn && !sync.syncing}
      failing-short=${syncStrings.failingShort}
      failing-label=${syncStrings.failing(
        sync.retryAt === null ? null : clockTime().format(sync.retryAt),
      )}
      retry-label=${syncStrings.retryNow}
      @sync-requested=${() => sync.syncNow()}
      pending-short=${syncStrings.pendingShort(sync.pending)}
      pending-label=${sync.needsSignIn ? syncStrings.needsSignIn : syncStrings.pending(sync.pending)}
      last-sync-short=${time}
      last-sync-label=${last}
      rejected-short=${syncStrings.rejectedShort(rejected + superseded)}
      rejected-label=${syncStrings.attention(rejected, superseded)}
      rejected-href="/sync"
    ></ts-sync-status>`;
  }

  private renderLoading(): TemplateResult {
    return html`<p class="loading" role="status">${strings.loading}</p>`;
  }

  /**
   * The app's Supabase client, loaded when first needed: by a page that is not
   * `local`, by the first sync, or by the auth controller once the page is idle.
   * A roster opened from the home screen offline never waits for it.
   */
  private client(): Promise<AppClient> {
    this.#client ??= loadSupabase().then(
      (client) => {
        this.#loadedClient = client;
        this.#clientProvider.setValue(client);
        this.requestUpdate();
        return client;
      },
      (error: unknown) => {
        // offline before the chunk was ever cached: the next need tries again
        this.#client = undefined;
        throw error;
      },
    );
    return this.#client;
  }

  private onAuthChange(state: AuthState, previous: AuthState): void {
    if (state.status === 'signed-in') this.startEngine(state.user.id);
    else if (state.status === 'signed-out') this.stopEngine();
    const here = this.#router.route;
    if (state.status === 'signed-out' && previous.status === 'signed-in') {
      // one user's data never lingers for the next
      clearMyOrganizationsCache();
      clearCurrentOrganizations();
      // a public page stays what it was; anything else needs a session
      const route = here.name === null ? undefined : byName.get(here.name);
      if (route?.access !== 'public') this.#router.navigate('/sign-in', { replace: true });
    } else if (state.status === 'signed-in' && here.name === 'sign-in') {
      // back to the public page that sent the visitor to sign in, or home
      this.#router.navigate(returnPathOf(here.search) ?? '/', { replace: true });
    }
  }

  /** the signed-in user's engine; the same user signing in again resumes it */
  private startEngine(userId: string): void {
    const current = this.#engineProvider.value;
    if (current?.userId === userId) {
      // a refused refresh token paused sync until the user signed in again
      if (this.#sync.needsSignIn) current.resume();
      return;
    }
    this.stopEngine();
    const generation = this.#engineGeneration;
    startSyncEngine({ client: () => this.client(), userId })
      .then((engine) => {
        if (generation !== this.#engineGeneration) {
          engine.stop();
          return;
        }
        this.#engineProvider.setValue(engine);
        this.#sync.setSource(engine);
        // the app bar's organization switch and the tab bar: their own chunks, after
        // the first page is drawn, which on a cold start they would compete with
        afterFirstDraw(() => {
          import('./organization-switch.ts').catch((error: unknown) => {
            console.error('organization switch failed to load', error);
          });
          import('./tab-bar.ts').catch((error: unknown) => {
            console.error('tab bar failed to load', error);
          });
        });
      })
      .catch((error: unknown) => {
        // IndexedDB unavailable (private mode in some browsers): the app still
        // works online, only offline edits are off
        console.error('sync engine failed to start', error);
      })
      .finally(() => {
        if (generation !== this.#engineGeneration) return;
        this.#engineSettled = true;
        this.requestUpdate();
      });
  }

  private stopEngine(): void {
    this.#engineGeneration += 1;
    const engine = this.#engineProvider.value;
    if (!engine) return;
    this.#sync.setSource(null);
    this.#engineProvider.setValue(null);
    engine.stop();
  }

  // the skip link targets an id inside this shadow root, which the URL hash cannot reach
  private skipToMain(event: Event): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-root': AppRoot;
  }
}
