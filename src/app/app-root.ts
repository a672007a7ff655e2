import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { SupabaseClient } from '@supabase/supabase-js';
import { authStorageKey, loadSupabase } from '../data/supabase-client.ts';
import { startSyncEngine, type SyncEngine } from '../data/start-sync-engine.ts';
import { AuthSessionController } from '../state/auth-session-controller.ts';
import type { AuthState } from '../state/auth-state.ts';
import { readStoredAuthState } from '../state/stored-session.ts';
import { ContextProvider } from '@lit/context';
import { supabaseContext } from '../state/contexts.ts';
import { clearMyOrganizationsCache } from '../state/my-organizations-cache.ts';
import { clearCurrentOrganizations } from '../state/current-organization-storage.ts';
import { OnlineController } from '../state/online-controller.ts';
import { RouterController, type RouteDefinition } from '../state/router-controller.ts';
import { SwUpdateController } from '../state/sw-update-controller.ts';
import { syncEngineContext } from '../state/sync-engine-context.ts';
import { SyncStatusController } from '../state/sync-status-controller.ts';
import { strings } from '../i18n/shell-strings.ts';
import { syncStrings } from '../features/sync-issues/sync-strings.ts';
import { rosterStrings } from '../features/roster/roster-strings.ts';
import { meStrings } from '../features/me/me-strings.ts';
import { seasonStrings } from '../features/season/season-strings.ts';
import { moneyStrings } from '../features/money/money-strings.ts';
import { attendanceStrings } from '../features/attendance/attendance-strings.ts';
import { bookingStrings } from '../features/booking/booking-strings.ts';
import { adminTitles } from '../features/admin/admin-titles.ts';
import '../ui/ts-app-bar.ts';
import '../ui/ts-sync-status.ts';
import '../ui/ts-update-prompt.ts';
import { currentIntlTag, localeReady } from '../i18n/locale.ts';
import { sharedStyles } from '../ui/shared-styles.ts';
import type { NavigateEvent } from '../ui/navigate-event.ts';

type RouteName =
  | 'home'
  | 'sign-in'
  | 'create-organization'
  | 'accept-invitation'
  | 'invite'
  | 'sync'
  | 'roster'
  | 'athlete-new'
  | 'athlete'
  | 'me'
  | 'season'
  | 'purchases'
  | 'email-settings'
  | 'mailbox'
  | 'today'
  | 'availability'
  | 'calendar'
  | 'conflicts'
  | 'book'
  | 'bookings'
  | 'org-members'
  | 'org-invitations'
  | 'org-groups'
  | 'group';

const routes: readonly RouteDefinition<RouteName>[] = [
  { name: 'home', pattern: '/' },
  { name: 'sign-in', pattern: '/sign-in' },
  { name: 'create-organization', pattern: '/organizations/new' },
  { name: 'accept-invitation', pattern: '/invite' },
  { name: 'invite', pattern: '/invite/:token' },
  { name: 'sync', pattern: '/sync' },
  { name: 'roster', pattern: '/roster' },
  { name: 'athlete-new', pattern: '/roster/new' },
  { name: 'athlete', pattern: '/roster/:id' },
  { name: 'me', pattern: '/me' },
  { name: 'season', pattern: '/season' },
  { name: 'purchases', pattern: '/purchases' },
  { name: 'email-settings', pattern: '/settings/email' },
  { name: 'mailbox', pattern: '/mailbox' },
  { name: 'today', pattern: '/today' },
  { name: 'availability', pattern: '/availability' },
  { name: 'calendar', pattern: '/calendar' },
  { name: 'conflicts', pattern: '/conflicts' },
  { name: 'book', pattern: '/book' },
  { name: 'bookings', pattern: '/bookings' },
  { name: 'org-members', pattern: '/org/:orgId/members' },
  { name: 'org-invitations', pattern: '/org/:orgId/invitations' },
  { name: 'org-groups', pattern: '/org/:orgId/groups' },
  { name: 'group', pattern: '/groups/:groupId' },
];

// one formatter for the bar's times (the last sync, the next retry): building one
// per render costs about a millisecond, and the bar renders often while the app starts
let clock: Intl.DateTimeFormat | undefined;
function clockTime(): Intl.DateTimeFormat {
  clock ??= new Intl.DateTimeFormat(currentIntlTag, { hour: '2-digit', minute: '2-digit' });
  return clock;
}

interface Page {
  /** loads the page's module (a separate chunk) */
  load: () => Promise<unknown>;
  /**
   * draws from the device's database alone (the sync engine), so it need not
   * wait for the Supabase client; every other page gets the client through
   * `supabaseContext` and is shown once it has loaded
   */
  local?: true;
  /** read when shown: the English catalogue arrives after this module has evaluated */
  title: () => string;
  render: (params: Record<string, string>) => TemplateResult;
}

const signIn: Page = {
  load: () => import('../features/account/sign-in-page.ts'),
  title: () => strings.signIn.title,
  render: () => html`<sign-in-page></sign-in-page>`,
};
const acceptInvitation: Page = {
  load: () => import('../features/account/accept-invitation-page.ts'),
  title: () => strings.acceptInvitation.title,
  render: (p) => html`<accept-invitation-page .token=${p['token'] ?? ''}></accept-invitation-page>`,
};
const pages: Record<RouteName, Page> = {
  home: {
    load: () => import('./home-page.ts'),
    title: () => strings.home.title,
    render: () => html`<home-page></home-page>`,
  },
  'sign-in': signIn,
  'create-organization': {
    load: () => import('../features/account/create-organization-page.ts'),
    title: () => strings.createOrganization.title,
    render: () => html`<create-organization-page></create-organization-page>`,
  },
  'accept-invitation': acceptInvitation,
  invite: acceptInvitation,
  sync: {
    load: () => import('../features/sync-issues/sync-issues-page.ts'),
    title: () => syncStrings.issues.title,
    render: () => html`<sync-issues-page></sync-issues-page>`,
  },
  roster: {
    load: () => import('../features/roster/roster-page.ts'),
    local: true,
    title: () => rosterStrings.title,
    render: () => html`<roster-page></roster-page>`,
  },
  'athlete-new': {
    load: () => import('../features/roster/athlete-page.ts'),
    title: () => rosterStrings.newTitle,
    render: () => html`<athlete-page creating></athlete-page>`,
  },
  athlete: {
    load: () => import('../features/roster/athlete-page.ts'),
    title: () => rosterStrings.title,
    render: (p) => html`<athlete-page .athleteId=${p['id'] ?? ''}></athlete-page>`,
  },
  me: {
    load: () => import('../features/me/me-page.ts'),
    title: () => meStrings.title,
    render: () => html`<me-page></me-page>`,
  },
  season: {
    load: () => import('../features/season/season-page.ts'),
    title: () => seasonStrings.title,
    render: () => html`<season-page></season-page>`,
  },
  purchases: {
    load: () => import('../features/money/purchases-page.ts'),
    title: () => moneyStrings.purchases.title,
    render: () => html`<purchases-page></purchases-page>`,
  },
  'email-settings': {
    load: () => import('../features/money/email-settings-page.ts'),
    title: () => moneyStrings.email.title,
    render: () => html`<email-settings-page></email-settings-page>`,
  },
  mailbox: {
    load: () => import('../features/money/mailbox-page.ts'),
    title: () => moneyStrings.mailbox.title,
    render: () => html`<mailbox-page></mailbox-page>`,
  },
  today: {
    load: () => import('../features/attendance/today-page.ts'),
    title: () => attendanceStrings.title,
    render: () => html`<today-page></today-page>`,
  },
  availability: {
    load: () => import('../features/booking/availability-page.ts'),
    title: () => bookingStrings.availability.title,
    render: () => html`<availability-page></availability-page>`,
  },
  calendar: {
    load: () => import('../features/booking/calendar-page.ts'),
    title: () => bookingStrings.calendar.title,
    render: () => html`<calendar-page></calendar-page>`,
  },
  conflicts: {
    load: () => import('../features/booking/conflicts-page.ts'),
    title: () => bookingStrings.conflicts.title,
    render: () => html`<conflicts-page></conflicts-page>`,
  },
  book: {
    load: () => import('../features/booking/book-page.ts'),
    title: () => bookingStrings.book.title,
    render: () => html`<book-page></book-page>`,
  },
  bookings: {
    load: () => import('../features/booking/bookings-page.ts'),
    title: () => bookingStrings.bookings.title,
    render: () => html`<bookings-page></bookings-page>`,
  },
  'org-members': {
    load: () => import('../features/admin/members-page.ts'),
    title: () => adminTitles.members,
    render: (p) => html`<members-page .orgId=${p['orgId'] ?? ''}></members-page>`,
  },
  'org-invitations': {
    load: () => import('../features/admin/invitations-page.ts'),
    title: () => adminTitles.invitations,
    render: (p) => html`<invitations-page .orgId=${p['orgId'] ?? ''}></invitations-page>`,
  },
  'org-groups': {
    load: () => import('../features/admin/groups-page.ts'),
    title: () => adminTitles.groups,
    render: (p) => html`<groups-page .orgId=${p['orgId'] ?? ''}></groups-page>`,
  },
  group: {
    load: () => import('../features/admin/group-page.ts'),
    title: () => adminTitles.groups,
    render: (p) => html`<group-page .groupId=${p['groupId'] ?? ''}></group-page>`,
  },
};
const notFound: Page = {
  load: () => import('./not-found-page.ts'),
  title: () => strings.notFound.title,
  render: () => html`<not-found-page></not-found-page>`,
};

/**
 * The shell: app bar, the routed page and the update prompt. Provides the
 * Supabase client and the auth session to everything below, and decides which
 * page a URL shows. Every route except `/sign-in` needs a session; without one
 * the sign-in page shows in place, so a deep link (`/invite/<token>`) still lands
 * where it pointed once the user has signed in.
 */
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

  readonly #router = new RouterController(this, routes);
  readonly #online = new OnlineController(this);
  readonly #swUpdate = new SwUpdateController(this);
  /** the Supabase client once loaded; pages other than `local` ones wait for it */
  #loadedClient: SupabaseClient | undefined;
  #client: Promise<SupabaseClient> | undefined;
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
  readonly #loaded = new Set<Page>();
  #renderedPage: Page | undefined;

  /** whether this page load's catalogue is in place (see localeReady) */
  #localeReady = false;

  constructor() {
    super();
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
    return html`
      <a class="skip" href="#main" @click=${this.skipToMain}>${strings.skipToContent}</a>
      <ts-app-bar heading=${strings.appName}
        >${
          this.#engineProvider.value
            ? html`<organization-switch compact></organization-switch>`
            : nothing
        }${this.renderSyncStatus()}</ts-app-bar
      >
      <main id="main" tabindex="-1" class=${this.#swUpdate.needRefresh ? 'under-prompt' : ''}>
        ${page ? this.renderPage(page) : this.renderLoading()}
      </main>
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
    if (!page || !this.#loaded.has(page) || page === this.#renderedPage) return;
    const first = this.#renderedPage === undefined;
    this.#renderedPage = page;
    document.title = `${page.title()} · ${strings.appName}`;
    // after an in-app navigation, start screen readers and keyboards at the new content
    if (!first) this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  /** the page for the current URL and session, or undefined while the session is read */
  private currentPage(): Page | undefined {
    if (!this.#localeReady) return undefined;
    const auth = this.#auth.state;
    if (auth.status === 'loading') return undefined;
    const { name } = this.#router.route;
    if (name === null) return notFound;
    const page = name !== 'sign-in' && auth.status === 'signed-in' ? pages[name] : signIn;
    if (page.local || this.#loadedClient) return page;
    this.client().catch((error: unknown) => console.error('supabase-js failed to load', error));
    return undefined;
  }

  private renderPage(page: Page): TemplateResult {
    if (this.#loaded.has(page)) return page.render(this.#router.route.params);
    page
      .load()
      .then(() => {
        this.#loaded.add(page);
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
    const time = sync.lastSyncAt === null ? '' : clockTime().format(sync.lastSyncAt);
    const last = time ? syncStrings.lastSync(time) : syncStrings.neverSynced;
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
  private client(): Promise<SupabaseClient> {
    this.#client ??= loadSupabase().then(
      (client) => {
        this.#loadedClient = client;
        new ContextProvider(this, { context: supabaseContext, initialValue: client });
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
    if (state.status === 'signed-out' && previous.status === 'signed-in') {
      // one user's data never lingers for the next
      clearMyOrganizationsCache();
      clearCurrentOrganizations();
      this.#router.navigate('/sign-in', { replace: true });
    } else if (state.status === 'signed-in' && this.#router.route.name === 'sign-in') {
      this.#router.navigate('/', { replace: true });
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
        // the app bar's organization switch: its own chunk, off the roster's first load
        import('./organization-switch.ts').catch((error: unknown) => {
          console.error('organization switch failed to load', error);
        });
      })
      .catch((error: unknown) => {
        // IndexedDB unavailable (private mode in some browsers): the app still
        // works online, only offline edits are off
        console.error('sync engine failed to start', error);
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
