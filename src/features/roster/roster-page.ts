import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { rankBadge } from '../../ui/rank-badge.ts';
import {
  STATUS_FILTERS,
  SUBSCRIPTION_FILTERS,
  matchesRoster,
  type StatusFilter,
  type SubscriptionFilter,
} from '../../domain/roster-filter.ts';
import { SELF_REGISTRATION, scheduleChips } from '../../domain/schedule.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { CurrentOrganizationController } from '../../state/current-organization-controller.ts';
import { rosterStrings as t } from './roster-strings.ts';
import { strings as shellStrings } from '../../i18n/shell-strings.ts';
import { attendanceStrings, loadExports } from '../attendance/index.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { chipStyles } from '../../ui/chip-styles.ts';
import { loadSupabase } from '../../data/supabase-client.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { currentIntlTag, currentLocale } from '../../i18n/locale.ts';
import { moneyStrings } from '../money/index.ts';
import type { RefreshOutcome } from './moyklass-refresh-data.ts';
import { type MoyklassData, type StaffOrganization, observeMoyklass } from './moyklass-data.ts';
import { observeRoster, type RosterAthlete, type RosterData } from './roster-data.ts';
import '../../ui/ts-notice.ts';
import { keepChosen } from '../../domain/group-move.ts';
import { groupMoveStrings } from './group-move-strings.ts';

/**
 * The coach's athletes from the local database (so it works offline): search by
 * name, filter by group; each card shows schedule chips and ranks and opens the
 * athlete for editing.
 */
@customElement('roster-page')
export class RosterPage extends LitElement {
  static override styles = [
    sharedStyles,
    chipStyles,
    css`
      .filters {
        display: grid;
        grid-template-columns: 1fr;
        gap: var(--ts-space-2);
        margin-bottom: var(--ts-space-4);
      }
      label {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
      input,
      select {
        font: inherit;
        min-height: 44px;
        padding: 0 var(--ts-space-2);
        border: 1px solid var(--ts-color-border);
        border-radius: 8px;
        background: var(--ts-color-surface);
        color: inherit;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-3);
      }
      /* a long roster: the cards below the fold skip layout and paint until scrolled to */
      li {
        content-visibility: auto;
        contain-intrinsic-size: auto 7.5rem;
      }
      /* the refresh's list of athletes without a Moyklass id: short lines, finger-sized links */
      ul.unlinked {
        gap: 0;
        margin-top: var(--ts-space-2);
      }
      ul.unlinked li {
        content-visibility: visible;
        contain-intrinsic-size: none;
      }
      ul.unlinked a {
        display: inline-block;
        padding: var(--ts-space-2) 0;
      }
      a.card {
        display: grid;
        gap: var(--ts-space-2);
        color: inherit;
        text-decoration: none;
      }
      .name {
        font-weight: 700;
        font-size: 1.0625rem;
        overflow-wrap: anywhere;
      }
      .muted {
        color: var(--ts-color-muted);
      }
      .export {
        margin-top: var(--ts-space-5);
      }
      label.card {
        grid-template-columns: auto 1fr;
        align-items: start;
        font-weight: 400;
        cursor: pointer;
      }
      label.card input {
        min-height: 0;
        width: 1.5rem;
        height: 1.5rem;
        margin: 0;
      }
      label.card > span {
        display: grid;
        gap: var(--ts-space-2);
      }
      .export .button {
        flex: 1 1 12rem;
      }
    `,
  ];

  readonly #roster = new LocalQueryController(this, observeRoster);
  /** the club whose athletes show, for people in several */
  readonly #organization = new CurrentOrganizationController(this);
  @state() private query = '';
  @state() private group = '';
  @state() private status: StatusFilter = 'current';
  // Moyklass: this season's subscriptions (synced) and the coach's refresh
  readonly #online = new OnlineController(this);
  readonly #moyklass = new LocalQueryController(
    this,
    (engine, onChange: (data: MoyklassData) => void) => observeMoyklass(engine, Date.now, onChange),
  );
  @state() private subscription: SubscriptionFilter = 'any';
  @state() private refreshing = false;
  @state() private refreshNotice: RefreshOutcome | null = null;
  @state() private exportError = '';
  // select mode: tick several athletes and move them to another group at once
  @state() private selecting = false;
  @state() private chosen: ReadonlySet<string> = new Set();

  override render() {
    const data = this.#roster.value;
    if (this.#organization.loaded && !this.isStaff()) {
      // an athlete or member: the roster is for coaches, as the other coach pages say
      return html`<h1>${t.title}</h1>
        <p>${shellStrings.coachesOnly}</p>
        <p><a class="button secondary" href="/">${shellStrings.toHome}</a></p>`;
    }
    return html`
      <h1>${t.title}</h1>
      ${
        this.#organization.organizations.length > 1
          ? html`<p class="muted">${this.#organization.current?.name}</p>`
          : nothing
      }
      <p><a class="button" href=${this.newAthletePath()}>${t.add}</a></p>
      ${
        // wait for the club as well as the athletes: drawing every club's cards
        // and then redrawing one club's doubles a cold start's work
        data && this.#organization.loaded
          ? this.renderRoster(this.inCurrentOrganization(data))
          : html`<p class="muted" role="status">…</p>`
      }
    `;
  }

  /** coaches and the club's admins keep a roster in the current organization */
  private isStaff(): boolean {
    const role = this.#organization.current?.role;
    return role === 'owner' || role === 'admin' || role === 'coach';
  }

  /** the new-athlete form, starting with the group shown here (when one is) */
  private newAthletePath(): string {
    return this.group ? `/roster/new?group=${encodeURIComponent(this.group)}` : '/roster/new';
  }

  private inCurrentOrganization(data: RosterData): RosterData {
    const orgId = this.#organization.currentId;
    if (orgId === null) return data;
    return {
      athletes: data.athletes.filter((a) => a.orgId === orgId),
      groups: data.groups.filter((g) => g.orgId === orgId),
    };
  }

  private renderRoster(data: RosterData) {
    const subscriptions = this.#moyklass.value?.subscriptions ?? new Map<string, boolean>();
    const filter = {
      query: this.query,
      group: this.group,
      status: this.status,
      subscription: subscriptions.size > 0 ? this.subscription : ('any' as const),
    };
    const shown = data.athletes.filter((a) =>
      matchesRoster({ ...a, hasSubscription: subscriptions.get(a.id) ?? null }, filter),
    );
    const groupName = new Map(data.groups.map((g) => [g.id, g.name]));
    // the club's other groups sync too; a filter only offers groups with athletes here
    const withAthletes = new Set(data.athletes.map((a) => a.groupId));
    const groups = data.groups.filter((g) => withAthletes.has(g.id));
    return html`
      <div class="filters">
        <label
          >${t.search}
          <input
            type="search"
            .value=${this.query}
            @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        /></label>
        ${
          groups.length > 1
            ? html`<label
                >${t.group}
                <select
                  @change=${(e: Event) => (this.group = (e.target as HTMLSelectElement).value)}
                >
                  <option value="">${t.allGroups}</option>
                  ${groups.map(
                    (g) =>
                      html`<option value=${g.id} ?selected=${g.id === this.group}>
                        ${g.name}
                      </option>`,
                  )}
                </select></label
              >`
            : nothing
        }
        <label
          >${t.status}
          <select
            @change=${(e: Event) =>
              (this.status = (e.target as HTMLSelectElement).value as StatusFilter)}
          >
            ${STATUS_FILTERS.map(
              (s) =>
                html`<option value=${s} ?selected=${s === this.status}>
                  ${s === 'current' ? t.statusCurrent : s === 'all' ? t.allStatuses : t.statusName(s)}
                </option>`,
            )}
          </select></label
        >
        ${subscriptions.size > 0 ? this.renderSubscriptionFilter() : nothing}
      </div>
      ${this.renderMoyklass()}
      <p class="muted" role="status">${t.count(shown.length)}</p>
      ${this.renderSelectMode(shown)}
      ${
        shown.length === 0
          ? html`<p class="card">${data.athletes.length === 0 ? t.noneYet : t.empty}</p>`
          : html`<ul aria-label=${t.title}>
              ${shown.map(
                (a) =>
                  html`<li>
                    ${this.cardOf(
                      a,
                      html`<span class="name">${a.name}</span>
                        ${a.groupId ? html`<span class="muted">${groupName.get(a.groupId) ?? ''}</span>` : nothing}
                        ${a.status !== 'active' ? html`<span class="muted">${t.statusName(a.status)}</span>` : nothing}
                        ${this.renderSchedule(a.schedule)} ${this.renderRank(a)}`,
                    )}
                  </li>`,
              )}
            </ul>`
      }
      ${this.renderExport(shown)}
    `;
  }

  /** a card opens the athlete; in select mode it ticks them instead */
  private cardOf(a: RosterAthlete, content: unknown) {
    if (!this.selecting) return html`<a class="card" href=${`/roster/${a.id}`}>${content}</a>`;
    return html`<label class="card"
      ><input
        type="checkbox"
        aria-label=${groupMoveStrings.pick(a.name)}
        .checked=${this.chosen.has(a.id)}
        @change=${(e: Event) => this.tick(a.id, (e.target as HTMLInputElement).checked)}
      /><span>${content}</span></label
    >`;
  }

  private tick(id: string, on: boolean): void {
    const next = new Set(this.chosen);
    if (on) next.add(id);
    else next.delete(id);
    this.chosen = next;
  }

  /** the select-mode switch and, while selecting, the move (its module loads on the first switch) */
  private renderSelectMode(shown: RosterAthlete[]) {
    // nobody shown, nobody to move
    if (shown.length === 0 && !this.selecting) return nothing;
    const chosen = keepChosen(
      this.chosen,
      shown.map((a) => a.id),
    );
    return html`<p>
        <button
          class="button secondary"
          type="button"
          aria-pressed=${this.selecting ? 'true' : 'false'}
          @click=${() => {
            if (!this.selecting) void import('./roster-group-move.ts');
            this.selecting = !this.selecting;
            this.chosen = new Set();
          }}
        >
          ${this.selecting ? groupMoveStrings.done : groupMoveStrings.start}
        </button>
      </p>
      ${
        this.selecting
          ? html`<roster-group-move
              .athletes=${shown}
              .chosen=${chosen}
              .orgId=${this.#organization.currentId}
              @choose-all=${() => (this.chosen = new Set(shown.map((a) => a.id)))}
              @choose-none=${() => (this.chosen = new Set())}
              @athletes-moved=${() => (this.chosen = new Set())}
            ></roster-group-move>`
          : nothing
      }`;
  }

  private renderSubscriptionFilter() {
    const m = moneyStrings.moyklass;
    return html`<label
      >${m.filter}
      <select
        @change=${(e: Event) =>
          (this.subscription = (e.target as HTMLSelectElement).value as SubscriptionFilter)}
      >
        ${SUBSCRIPTION_FILTERS.map(
          (f) => html`<option value=${f} ?selected=${f === this.subscription}>${m[f]}</option>`,
        )}
      </select></label
    >`;
  }

  /** the refresh button for coaches and admins, its outcome, and how fresh the data is */
  private renderMoyklass() {
    const m = moneyStrings.moyklass;
    // the refresh is for the club the roster shows (the switcher picks it)
    const orgId = this.#organization.currentId;
    const staffOf = (this.#moyklass.value?.staffOf ?? []).filter(
      (o) => orgId === null || o.id === orgId,
    );
    const fetchedAt = this.#moyklass.value?.fetchedAt;
    const online = this.#online.online;
    if (staffOf.length === 0 && !fetchedAt) return nothing;
    return html`<div class="moyklass">
      ${
        fetchedAt
          ? html`<p class="muted">
              ${m.fetchedAt(
                new Intl.DateTimeFormat(currentIntlTag, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                  timeZone: fetchedAt.timeZone,
                }).format(new Date(fetchedAt.at)),
              )}
            </p>`
          : nothing
      }
      ${staffOf.map(
        (org) =>
          html`<p>
            <button
              class="button secondary"
              type="button"
              ?disabled=${this.refreshing || !online}
              @click=${() => void this.refresh(org)}
            >
              ${this.refreshing ? m.refreshing : m.refresh}${staffOf.length > 1 ? ` · ${org.name}` : ''}
            </button>
          </p>`,
      )}
      ${staffOf.length > 0 && !online ? html`<p class="muted">${m.needsNetwork}</p>` : nothing}
      ${
        this.refreshNotice
          ? html`<ts-notice tone=${this.refreshNotice.ok ? 'success' : 'error'}
              ><p>${this.refreshNotice.message}</p>
              ${this.renderUnlinked(this.refreshNotice.unlinked)}</ts-notice
            >`
          : nothing
      }
    </div>`;
  }

  /** who the refresh could not look up, by name, each a link to fix their record */
  private renderUnlinked(ids: readonly string[]) {
    if (ids.length === 0) return nothing;
    const m = moneyStrings.moyklass;
    const byId = new Map((this.#roster.value?.athletes ?? []).map((a) => [a.id, a.name]));
    const listed = ids
      .map((id) => ({ id, name: byId.get(id) ?? null }))
      .sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'ru'));
    return html`<p class="muted">${m.unlinkedHint}</p>
      <ul class="unlinked" aria-label=${m.unlinkedList}>
        ${listed.map(
          (a) =>
            html`<li>
              ${a.name === null ? m.unknownAthlete : html`<a href=${`/roster/${a.id}`}>${a.name}</a>`}
            </li>`,
        )}
      </ul>`;
  }

  private async refresh(org: StaffOrganization): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    this.refreshNotice = null;
    try {
      // the roster draws without supabase-js (a `local` route); the refresh is the
      // first thing here that needs it, so its module loads on the first tap
      const { refreshFromMoyklass } = await import('./moyklass-refresh-data.ts');
      this.refreshNotice = await refreshFromMoyklass(loadSupabase(), org);
      // the proxy stored the snapshots: pull them so the filter has them offline
      if (this.refreshNotice.ok) this.#roster.engine?.requestSync();
    } finally {
      this.refreshing = false;
    }
  }

  /** the roster as filtered, to a spreadsheet (the writers load on demand) */
  private renderExport(shown: RosterAthlete[]) {
    if (shown.length === 0) return nothing;
    const ids = shown.map((a) => a.id);
    return html`<section class="export" aria-labelledby="roster-export">
      <h2 id="roster-export">${attendanceStrings.exportTitle}</h2>
      <div class="actions">
        <button class="button secondary" type="button" @click=${() => this.export(ids, 'xlsx')}>
          ${attendanceStrings.exportRosterXlsx}
        </button>
        <button class="button secondary" type="button" @click=${() => this.export(ids, 'csv')}>
          ${attendanceStrings.exportRosterCsv}
        </button>
      </div>
      ${this.exportError ? html`<p class="muted" role="alert">${this.exportError}</p>` : nothing}
    </section>`;
  }

  private async export(ids: string[], format: 'xlsx' | 'csv'): Promise<void> {
    const engine = this.#roster.engine;
    if (!engine) return;
    this.exportError = '';
    try {
      const { exportRoster } = await loadExports();
      await exportRoster(engine, ids, format, new Date().toISOString().slice(0, 10));
    } catch (error) {
      console.error('export failed', error);
      this.exportError = attendanceStrings.exportFailed;
    }
  }

  private renderSchedule(schedule: string | null) {
    const label = html`<span class="visually-hidden">${t.schedule}: </span>`;
    if (schedule === SELF_REGISTRATION)
      return html`<span class="chips"
        >${label}<span class="chip">${t.selfRegistration}</span></span
      >`;
    const chips = scheduleChips(schedule, currentLocale);
    // «(Не указано)» alone reads as nothing in particular: say what is not set
    if (chips.length === 0) return html`<span class="muted">${t.scheduleNotSet}</span>`;
    return html`<span class="chips"
      >${label}${chips.map((c) => html`<span class="chip">🕐 ${c}</span>`)}</span
    >`;
  }

  private renderRank(a: RosterAthlete) {
    const label = html`<span class="visually-hidden">${t.rank}: </span>`;
    if (a.rankStart && a.rankEnd && a.rankStart !== a.rankEnd) {
      return html`<span>${label}${rankBadge(a.rankStart)} → ${rankBadge(a.rankEnd)}</span>`;
    }
    const rank = a.rankEnd ?? a.rankStart;
    return rank
      ? html`<span class="chips">${label}<span class="chip">${rankBadge(rank)}</span></span>`
      : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-page': RosterPage;
  }
}
