import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { toInstant } from '../../domain/zoned-time.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { chipStyles } from '../../ui/chip-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { formatShortDate } from '../../ui/time-format.ts';
import '../../ui/ts-notice.ts';
import { loadAdminChrome } from '../admin/index.ts';
import {
  loadDashboard,
  observeClubFrame,
  type ClubDashboard,
  type ClubFrame,
} from './clubs-data.ts';
import { clubsStrings } from './clubs-strings.ts';

const t = clubsStrings.dashboard;
// the admin screens' gate, header and styles, loaded with this page
const { adminGate, adminHeader, adminStyles } = await loadAdminChrome();

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; dashboard: ClubDashboard | null };

const ROLES = ['owner', 'admin', 'coach', 'athlete', 'member'] as const;

/**
 * A running club's dashboard for its owners and admins: its members (how many,
 * by role, who joined last), its seat pools (taken of total, a link to manage
 * them), the purchases its members made through them, and 30 days of activity —
 * aggregates only, workouts from 5 people up — with the way to the club's
 * analytics and challenges. Read from the server in one call (club_dashboard),
 * so the page needs the network and says so; with running_clubs off for the
 * club it says the feature is off.
 */
@customElement('club-dashboard-page')
export class ClubDashboardPage extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    chipStyles,
    css`
      .grid {
        display: grid;
        gap: var(--ts-space-4);
      }
      .grid > section {
        margin-top: 0;
      }
      .card h2 {
        margin: 0 0 var(--ts-space-2);
      }
      .figure {
        font-size: 1.5rem;
        font-weight: 700;
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      dl {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: var(--ts-space-1) var(--ts-space-3);
        margin: 0;
      }
      dt {
        color: var(--ts-color-muted);
      }
      dd {
        margin: 0;
        max-width: 9rem;
        text-align: end;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .list {
        list-style: none;
        margin: var(--ts-space-2) 0 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-1);
      }
      .list li {
        overflow-wrap: anywhere;
      }
      .meta {
        color: var(--ts-color-muted);
        margin: var(--ts-space-1) 0 0;
        font-size: 0.9375rem;
        overflow-wrap: anywhere;
      }
      .links {
        display: grid;
        gap: var(--ts-space-2);
      }
    `,
  ];

  /** from the URL */
  @property() orgId = '';

  readonly #supabase = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  readonly #online = new OnlineController(this);
  readonly #frame = new LocalQueryController(
    this,
    (engine, onChange: (frame: ClubFrame) => void) =>
      observeClubFrame(engine, this.orgId, onChange),
    { key: () => this.orgId },
  );
  @state() private loaded: Loaded = { status: 'loading' };
  /** the club and connection the dashboard was last asked for */
  #loadedFor = '';

  override willUpdate(): void {
    const frame = this.#frame.value;
    const key = `${this.orgId}/${String(this.#online.online)}`;
    if (!frame || adminGate(frame.admin, t.title) || !this.#online.online) return;
    if (!this.#supabase.value) return;
    if (this.#loadedFor === key) return;
    this.#loadedFor = key;
    void this.load();
  }

  private async load(): Promise<void> {
    const client = this.#supabase.value;
    if (!client) return;
    const orgId = this.orgId;
    const result = await loadDashboard(client, orgId);
    if (orgId !== this.orgId) return;
    this.loaded = result.ok
      ? { status: 'ready', dashboard: result.value }
      : { status: 'error', message: result.error.message };
  }

  override render() {
    const frame = this.#frame.value;
    const gate = adminGate(frame?.admin, t.title);
    if (gate || !frame) return gate;
    return html`
      <h1>${t.title}</h1>
      ${adminHeader(frame.admin, 'club')}
      <p class="muted">${t.intro}</p>
      ${this.renderBody(frame)}
    `;
  }

  private renderBody(frame: ClubFrame): TemplateResult {
    if (!this.#online.online)
      return html`<ts-notice><p>${clubsStrings.needsNetwork}</p></ts-notice>`;
    const loaded = this.loaded;
    switch (loaded.status) {
      case 'loading':
        return html`<p class="muted" role="status">${strings.loading}</p>`;
      case 'error':
        return html`<ts-notice tone="error"
            ><p>${clubsStrings.loadFailed}: ${loaded.message}</p></ts-notice
          >
          <p>
            <button class="button secondary" type="button" @click=${() => this.reload()}>
              ${clubsStrings.retry}
            </button>
          </p>`;
      case 'ready':
        if (!loaded.dashboard)
          return html`<ts-notice tone="warning" data-testid="clubs-off"
            ><p>${clubsStrings.featureOff(frame.admin.orgName)}</p></ts-notice
          >`;
        return this.renderDashboard(frame, loaded.dashboard);
    }
  }

  private renderDashboard(frame: ClubFrame, d: ClubDashboard): TemplateResult {
    const zone = d.club.time_zone || frame.admin.timeZone;
    const day = (iso: string) => formatShortDate(Date.parse(iso), zone);
    const localDay = (date: string) => formatShortDate(toInstant(zone, date, 12 * 60), zone);
    const number = (n: number) => n.toLocaleString(currentIntlTag);
    const base = `/org/${frame.admin.orgId ?? this.orgId}`;
    const latest = d.purchases.latest;
    return html`<div class="grid">
      <section class="card first" aria-labelledby="members-h" data-testid="dash-members">
        <h2 id="members-h">${t.members}</h2>
        <p class="figure">${t.membersTotal(d.members.total)}</p>
        <p class="chips" aria-label=${t.byRole}>
          ${ROLES.filter((r) => (d.members.by_role[r] ?? 0) > 0).map(
            (r) =>
              html`<span class="chip">${strings.roleName(r)}: ${d.members.by_role[r] ?? 0}</span>`,
          )}
        </p>
        <h3 class="meta">${t.newest}</h3>
        ${
          d.members.newest.length === 0
            ? html`<p class="meta">${t.noMembers}</p>`
            : html`<ul class="list" aria-label=${t.newest}>
                ${d.members.newest.map(
                  (m) =>
                    html`<li>
                      ${m.name || t.someone}
                      <span class="muted"
                        >· ${strings.roleName(m.role)} · ${t.joined(day(m.joined_at))}</span
                      >
                    </li>`,
                )}
              </ul>`
        }
      </section>
      <section class="card" aria-labelledby="seats-h" data-testid="dash-seats">
        <h2 id="seats-h">${t.seats}</h2>
        <p class="figure">${t.seatsTaken(d.seats.taken, d.seats.total)}</p>
        ${
          d.seats.pools.length === 0
            ? html`<p class="meta">${t.noPools}</p>`
            : html`<ul class="list" aria-label=${t.seats}>
                ${d.seats.pools.map(
                  (p) =>
                    html`<li>
                      ${t.pool(p.plan_title ?? '', p.seller_name ?? '')}
                      <span class="muted"
                        >·
                        ${clubsStrings.dashboard.seatsTaken(p.claimed, p.seats)}${
                          p.status === 'active' ? nothing : html` · ${t.closed}`
                        }</span
                      >
                    </li>`,
                )}
              </ul>`
        }
        <p class="meta"><a href="${base}/seats">${t.manageSeats}</a></p>
      </section>
      <section class="card" aria-labelledby="purchases-h" data-testid="dash-purchases">
        <h2 id="purchases-h">${t.purchases}</h2>
        <p class="figure">${t.purchasesCount(d.purchases.count)}</p>
        <p class="meta">
          ${
            latest
              ? t.latest(
                  latest.name || t.someone,
                  latest.plan_title,
                  latest.at ? day(latest.at) : '',
                )
              : t.noPurchases
          }
        </p>
      </section>
      <section class="card" aria-labelledby="activity-h" data-testid="dash-activity">
        <h2 id="activity-h">${t.activity}</h2>
        <p class="meta">${t.period(localDay(d.activity.since), localDay(d.activity.until))}</p>
        <dl>
          <dt>${t.sessionsMarked}</dt>
          <dd>${number(d.activity.sessions_marked)}</dd>
          <dt>${t.visits}</dt>
          <dd>${number(d.activity.visits)}</dd>
          <dt>${t.workoutsLogged}</dt>
          <dd>
            ${d.activity.workouts_logged === null ? t.fewPeople : number(d.activity.workouts_logged)}
          </dd>
        </dl>
        ${d.activity.workouts_suppressed ? html`<p class="meta">${t.fewPeopleHint}</p>` : nothing}
      </section>
      <nav class="links" aria-label=${t.title}>
        <a class="button block secondary" href="${base}/challenges">${t.challenges}</a>
        <a class="button block secondary" href="${base}/analytics">${t.analytics}</a>
        <p class="meta">${t.analyticsHint}</p>
      </nav>
    </div>`;
  }

  private reload(): void {
    this.loaded = { status: 'loading' };
    void this.load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'club-dashboard-page': ClubDashboardPage;
  }
}
