import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { AuthState } from '../state/auth-state.ts';
import { ContextConsumer } from '@lit/context';
import { authContext, supabaseContext } from '../state/contexts.ts';
import { describeError } from '../data/describe-error.ts';
import { apiUrl } from '../data/supabase-client.ts';
import {
  MyOrganizationsController,
  type MyOrganization,
} from '../state/my-organizations-controller.ts';
import { OnlineController } from '../state/online-controller.ts';
import { syncEngineContext } from '../state/sync-engine-context.ts';
import { strings } from '../i18n/shell-strings.ts';
import { syncStrings } from '../features/sync-issues/index.ts';
import { rosterStrings } from '../features/roster/index.ts';
import { meStrings } from '../features/me/index.ts';
import { seasonStrings } from '../features/season/index.ts';
import { moneyStrings } from '../features/money/index.ts';
import { coursesStrings } from '../features/courses/index.ts';
import { plansStrings } from '../features/plans/index.ts';
import { productsStrings } from '../features/products/index.ts';
import { attendanceStrings } from '../features/attendance/index.ts';
import { bookingStrings } from '../features/booking/index.ts';
import { storefrontStrings } from '../features/storefront/index.ts';
import { coachAnalyticsStrings } from '../features/coach-analytics/index.ts';
import '../features/messages/index.ts';
import { sharedStyles } from '../ui/shared-styles.ts';
import '../ui/ts-notice.ts';
import { chooseLocale, currentLocale } from '../i18n/locale.ts';
import '../ui/ts-language-switch.ts';
import { adminStrings } from '../features/admin/index.ts';
import { partnerReviewStrings } from '../features/partner-review/index.ts';
import { featureFlagsStrings } from '../features/feature-flags/index.ts';
import './organization-switch.ts';
import type { LocaleChangeEvent } from '../ui/ts-language-switch.ts';
import { errorStrings } from '../i18n/error-strings.ts';
import { partnerConsoleStrings } from '../features/partner-console/index.ts';
import { partnerDashboardStrings } from '../features/partner-dashboard/index.ts';
import { seatsStrings } from '../features/seats/index.ts';
import { clubsStrings } from '../features/clubs/index.ts';
import { observeHasRacePlan, racesStrings } from '../features/races/index.ts';
import { LocalQueryController } from '../state/local-query-controller.ts';

const t = strings.home;
/**
 * The local stack keeps a mailbox of what would have been sent; production sends
 * email. Asked of the API the client talks to (the runtime config's, on any port).
 */
const isLocalStack = (url: string) =>
  /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/?$/.test(url);

/**
 * The home page below today's workout: the signed-in user's organizations with
 * their role in each, where to go from here, the ways to get another
 * organization (create, accept an invitation), sign-out and the language. Its
 * own chunk (it names a link of nearly every feature), loaded once the page is
 * up (./home-page.ts). Drawn from the last good list of organizations at once,
 * and from the server once the client has loaded.
 */
@customElement('home-hub')
export class HomeHub extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0 0 var(--ts-space-5);
        padding: 0;
        display: grid;
        gap: var(--ts-space-3);
      }
      li.card {
        display: grid;
        gap: var(--ts-space-1);
      }
      .name {
        font-size: 1.0625rem;
        font-weight: 700;
        margin: 0;
        overflow-wrap: anywhere;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-1) var(--ts-space-3);
        margin: 0;
        color: var(--ts-color-muted);
        font-size: 0.9375rem;
      }
      .role {
        display: inline-block;
        padding: 1px var(--ts-space-2);
        border-radius: 999px;
        background: var(--ts-color-brand-soft);
        color: var(--ts-color-brand-strong);
        font-weight: 600;
      }
      .empty {
        margin-bottom: var(--ts-space-5);
      }
      nav.links {
        margin-bottom: var(--ts-space-5);
      }
      nav.links h2 {
        margin: 0 0 var(--ts-space-2);
        font-size: 1rem;
        color: var(--ts-color-muted);
      }
      nav.links ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-2);
      }
      organization-switch {
        margin-bottom: var(--ts-space-4);
      }
      nav.admin {
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--ts-space-4);
      }
      nav.admin a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        font-weight: 600;
      }
      .actions {
        margin-bottom: var(--ts-space-6);
      }
      .actions .button {
        flex: 1 1 12rem;
      }
      footer {
        border-top: 1px solid var(--ts-color-border);
        padding-top: var(--ts-space-4);
      }
      footer p {
        overflow-wrap: anywhere;
      }
    `,
  ];

  // subscribed: the home is a `local` page, drawn before the client may have loaded
  readonly #client = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  readonly #auth = new ContextConsumer(this, { context: authContext, subscribe: true });
  readonly #engine = new ContextConsumer(this, { context: syncEngineContext, subscribe: true });
  readonly #organizations = new MyOrganizationsController(this);
  readonly #online = new OnlineController(this);
  /** holds a race plan (synced), so «Мои забеги» leads to it */
  readonly #racePlan = new LocalQueryController(this, observeHasRacePlan);
  #loadedFor: string | undefined;
  #wasOnline = navigator.onLine;

  @state() private signOutError = '';
  @state() private signingOut = false;

  override willUpdate(): void {
    const user = this.user();
    const client = this.#client.value;
    // (re)load when the page first sees a user, when the user changed under it,
    // and when the network comes back
    const backOnline = this.#online.online && !this.#wasOnline;
    this.#wasOnline = this.#online.online;
    if (user && client && (user.id !== this.#loadedFor || backOnline)) {
      this.#loadedFor = user.id;
      void this.#organizations.load(client, user.id);
    } else if (user && !client) {
      this.#organizations.showCached(user.id);
    }
  }

  override render() {
    const user = this.user();
    return html`
      <organization-switch></organization-switch>
      ${this.renderOrganizations()} ${this.renderNavigation()}
      <div class="actions">
        <a class="button" href="/organizations/new">${t.create}</a>
        <a class="button secondary" href="/invite">${t.accept}</a>
      </div>
      <footer>
        ${user ? html`<p class="muted">${t.signedInAs(user.displayName)}</p>` : nothing}
        ${
          this.signOutError
            ? html`<ts-notice tone="error"><p>${this.signOutError}</p></ts-notice>`
            : nothing
        }
        <button
          class="button secondary"
          type="button"
          ?disabled=${this.signingOut}
          @click=${this.signOut}
        >
          ${t.signOut}
        </button>
        <ts-language-switch
          locale=${currentLocale}
          @locale-change=${(e: LocaleChangeEvent) => chooseLocale(e.locale)}
        ></ts-language-switch>
      </footer>
    `;
  }

  private renderOrganizations() {
    const state = this.#organizations.state;
    switch (state.status) {
      case 'idle':
      case 'loading':
        return state.status === 'loading' && state.items
          ? this.renderList(state.items)
          : html`<p class="muted" role="status">${strings.loading}</p>`;
      case 'error':
        return html`<ts-notice tone="error">
            <p>${t.loadFailed}: ${state.network ? errorStrings.network : state.message}</p>
          </ts-notice>
          <p>
            <button class="button secondary" type="button" @click=${this.retry}>${t.retry}</button>
          </p>`;
      case 'ready':
        return html`${
          state.stale ? html`<ts-notice><p>${strings.offlineHint}</p></ts-notice>` : nothing
        }
        ${this.renderList(state.items)}`;
    }
  }

  private renderList(items: MyOrganization[]) {
    if (items.length === 0) {
      return html`<div class="card stack empty">
        <p>${t.empty}</p>
        <p class="muted">${t.emptyHint}</p>
      </div>`;
    }
    return html`<ul aria-label=${t.title}>
      ${items.map(
        (org) =>
          html`<li class="card">
            <p class="name">${org.name}</p>
            <p class="meta">
              <span class="role"
                ><span class="visually-hidden">${t.role}: </span>${strings.roleName(org.role)}</span
              >
              <span>${strings.kindName(org.kind)}</span>
              <span>${org.timeZone}</span>
            </p>
            ${['owner', 'admin'].includes(org.role) ? this.renderAdminLinks(org) : nothing}
            ${
              // a running club's challenges, for every member (running clubs)
              org.kind === 'club' || org.kind === 'school'
                ? html`<p>
                    <a href="/org/${org.orgId}/challenges"
                      >${clubsStrings.challengesLink}<span class="visually-hidden">
                        — ${org.name}</span
                      ></a
                    >
                  </p>`
                : nothing
            }
            ${
              ['reseller', 'partner'].includes(org.kind)
                ? html`<p><a href="/partner">${partnerDashboardStrings.title}</a></p>`
                : nothing
            }
            ${
              org.kind === 'reseller' && ['owner', 'admin'].includes(org.role)
                ? html`<p>
                    <a href="/partner/clients">${partnerConsoleStrings.titles.clients}</a>
                  </p>`
                : nothing
            }
          </li>`,
      )}
    </ul>`;
  }

  /** anyone in an organization can buy what it sells */
  private members(): boolean {
    const state = this.#organizations.state;
    const items = state.status === 'ready' || state.status === 'loading' ? state.items : undefined;
    return (items ?? []).length > 0;
  }

  /**
   * Where to go, grouped by what people come for: a coach's day first (today's
   * attendance, the roster), then what is mine (schedule, bookings,
   * purchases), then settings. Each kind of person sees only their groups.
   */
  private renderNavigation() {
    const b = bookingStrings.links;
    const link = (href: string, label: string, primary = false) =>
      html`<li>
        <a class="button block ${primary ? '' : 'secondary'}" href=${href}>${label}</a>
      </li>`;
    const section = (label: string, items: TemplateResult[]) =>
      items.length === 0
        ? nothing
        : html`<nav class="links" aria-label=${label}>
            <h2>${label}</h2>
            <ul>
              ${items}
            </ul>
          </nav>`;
    const coach = this.coaches();
    const member = this.members();
    return html`
      ${member ? html`<p class="messages"><messages-link></messages-link></p>` : nothing}
      ${section(
        t.nav.coaching,
        coach
          ? [
              link('/today', attendanceStrings.link, true),
              link(
                '/roster',
                // an admin sees every group of the club, not only «my» groups
                this.hasRole(['owner', 'admin']) ? rosterStrings.clubLink : rosterStrings.link,
                true,
              ),
              // weeks × days × workouts, assigned to groups or athletes; built offline too
              link('/plans', plansStrings.link),
              link('/calendar', b.calendar),
              link('/availability', b.availability),
              link('/conflicts', b.conflicts),
              link('/season', seasonStrings.link),
              // a coach's public page (/volkov): on/off, address, profile, offers
              link('/storefront', storefrontStrings.link),
              // its figures: views, funnels, sources (read from the device, so offline too)
              link('/storefront/analytics', coachAnalyticsStrings.link),
              link('/products', productsStrings.link),
            ]
          : [],
      )}
      ${section(t.nav.mine, [
        ...(this.hasRole(['athlete']) ? [link('/me', meStrings.link, true)] : []),
        ...(member
          ? [
              link('/book', b.book),
              link('/bookings', b.bookings),
              link('/purchases', moneyStrings.purchases.link),
              link('/courses', coursesStrings.list.link),
            ]
          : []),
        // a seat in a plan the member's club bought (running clubs)
        ...(this.inClub() ? [link('/seats', seatsStrings.memberLink)] : []),
        // races with their plans; a participant's own plan for a race is there too
        link('/races', this.#racePlan.value ? racesStrings.myLink : racesStrings.link),
      ])}
      ${section(t.nav.settings, [
        link('/settings/email', moneyStrings.email.link),
        ...(isLocalStack(apiUrl()) ? [link('/mailbox', moneyStrings.mailbox.link)] : []),
      ])}
    `;
  }

  /** the club admin screens, for its admins and owners */
  private renderAdminLinks(org: MyOrganization) {
    const base = `/org/${org.orgId}`;
    return html`<nav class="admin" aria-label=${adminStrings.nav.label(org.name)}>
      <a href="${base}/members">${adminStrings.nav.members}</a>
      <a href="${base}/invitations">${adminStrings.nav.invitations}</a>
      <a href="${base}/groups">${adminStrings.nav.groups}</a>
      <a href="${base}/analytics">${adminStrings.nav.analytics}</a>
      ${
        // running clubs' seats: the pools the club bought and who holds a seat
        org.kind === 'club' || org.kind === 'school'
          ? html`<a href="${base}/seats">${adminStrings.nav.seats}</a>`
          : nothing
      }
      ${
        // a running club's dashboard: members, seats, purchases, activity
        org.kind === 'club' || org.kind === 'school'
          ? html`<a href="${base}/club">${adminStrings.nav.club}</a>`
          : nothing
      }
      ${
        // a race organizer's races, plans, sponsors and figures
        org.kind === 'race' || org.kind === 'timing_company'
          ? html`<a href="${base}/races">${racesStrings.organizer.link}</a>`
          : nothing
      }
      ${
        // which partner manages the club, and whether it may write
        org.kind === 'club' || org.kind === 'school'
          ? html`<a href="${base}/partner">${adminStrings.nav.partner}</a>`
          : nothing
      }
      ${
        // the platform's admins review the partner applications and switch the feature flags
        org.kind === 'platform'
          ? html`<a href="/platform/applications">${partnerReviewStrings.listTitle}</a>
              <a href="/platform/applications/stats">${partnerReviewStrings.statsTitle}</a>
              <a href="/platform/flags">${featureFlagsStrings.link}</a>`
          : nothing
      }
    </nav>`;
  }

  /** belongs to a club or a school (where seats of a plan may be held) */
  private inClub(): boolean {
    const state = this.#organizations.state;
    const items = state.status === 'ready' || state.status === 'loading' ? state.items : undefined;
    return (items ?? []).some((o) => o.kind === 'club' || o.kind === 'school');
  }

  /** coaches and the club's admins get the roster */
  private coaches(): boolean {
    const state = this.#organizations.state;
    const items = state.status === 'ready' || state.status === 'loading' ? state.items : undefined;
    return (items ?? []).some((o) => ['owner', 'admin', 'coach'].includes(o.role));
  }

  /** holds one of these roles in some organization */
  private hasRole(roles: readonly string[]): boolean {
    const state = this.#organizations.state;
    const items = state.status === 'ready' || state.status === 'loading' ? state.items : undefined;
    return (items ?? []).some((o) => roles.includes(o.role));
  }

  private user() {
    const auth: AuthState | undefined = this.#auth.value;
    return auth?.status === 'signed-in' ? auth.user : undefined;
  }

  private retry(): void {
    const user = this.user();
    const client = this.#client.value;
    if (user && client) void this.#organizations.load(client, user.id);
  }

  private async signOut(): Promise<void> {
    const client = this.#client.value;
    if (!client) return;
    this.signingOut = true;
    this.signOutError = '';
    try {
      const engine = this.#engine.value;
      if (engine) {
        // the engine warns about unsent changes, wipes the user's local data and
        // signs out; the shell hears SIGNED_OUT and goes to /sign-in
        await engine.logout((n) => confirm(syncStrings.confirmLogout(n)));
        return;
      }
      // the shell hears SIGNED_OUT, wipes cached data and goes to /sign-in
      const { error } = await client.auth.signOut();
      if (error) this.signOutError = describeError(error).message;
    } catch (error) {
      this.signOutError = describeError(error).message;
    } finally {
      this.signingOut = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'home-hub': HomeHub;
  }
}
