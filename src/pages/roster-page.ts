import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { liveQuery, type Subscription } from 'dexie';
import { isRank, type Rank } from '../domain/rank.ts';
import { rankBadge } from './rank-badge.ts';
import { STATUS_FILTERS, matchesRoster, type StatusFilter } from '../domain/roster-filter.ts';
import { SELF_REGISTRATION, scheduleChips } from '../domain/schedule.ts';
import type { SyncEngine } from '../data/start-sync-engine.ts';
import { ContextConsumer } from '../state/context.ts';
import { syncEngineContext } from '../state/sync-engine-context.ts';
import { CurrentOrganizationController } from '../state/current-organization-controller.ts';
import { rosterStrings as t } from '../roster-strings.ts';
import { sharedStyles } from '../components/shared-styles.ts';

/** the athlete fields the roster shows, narrowed from a synced row */
export interface RosterAthlete {
  id: string;
  orgId: string;
  name: string;
  groupId: string | null;
  schedule: string | null;
  rankStart: Rank | null;
  rankEnd: Rank | null;
  status: string;
}

interface RosterData {
  athletes: RosterAthlete[];
  groups: { id: string; orgId: string; name: string }[];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** reads athletes and groups from the user's local database; follows every change */
export function observeRoster(
  engine: SyncEngine,
  onChange: (data: RosterData) => void,
): Subscription {
  return liveQuery(async (): Promise<RosterData> => {
    const [athletes, groups] = await Promise.all([
      engine.db.rows('athletes').toArray(),
      engine.db.rows('training_groups').toArray(),
    ]);
    return {
      athletes: athletes
        .filter((a) => a['deleted_at'] == null)
        .map((a) => ({
          id: a.id,
          orgId: text(a['org_id']) ?? '',
          name: text(a['name']) ?? '',
          groupId: text(a['group_id']),
          schedule: text(a['schedule']),
          rankStart: isRank(a['rank_start']) ? a['rank_start'] : null,
          rankEnd: isRank(a['rank_end']) ? a['rank_end'] : null,
          status: text(a['status']) ?? 'active',
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'ru')),
      groups: groups
        .filter((g) => g['deleted_at'] == null)
        .map((g) => ({ id: g.id, orgId: text(g['org_id']) ?? '', name: text(g['name']) ?? '' }))
        .sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    };
  }).subscribe({ next: onChange, error: (e: unknown) => console.error('roster query failed', e) });
}

/**
 * The coach's athletes from the local database (so it works offline): search by
 * name, filter by group; each card shows schedule chips and ranks and opens the
 * athlete for editing.
 */
@customElement('roster-page')
export class RosterPage extends LitElement {
  static override styles = [
    sharedStyles,
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
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-1);
      }
      .chip {
        padding: 1px var(--ts-space-2);
        border-radius: 999px;
        background: var(--ts-color-brand-soft);
        color: var(--ts-color-brand-strong);
        font-size: 0.9375rem;
        white-space: nowrap;
      }
      .muted {
        color: var(--ts-color-muted);
      }
    `,
  ];

  readonly #engine = new ContextConsumer(this, syncEngineContext, { subscribe: true });
  /** the club whose athletes show, for people in several */
  readonly #organization = new CurrentOrganizationController(this);
  #subscription: Subscription | undefined;
  #observed: SyncEngine | null = null;
  @state() private data: RosterData | undefined;
  @state() private query = '';
  @state() private group = '';
  @state() private status: StatusFilter = 'current';

  override willUpdate(): void {
    const engine = this.#engine.value ?? null;
    if (engine === this.#observed) return;
    this.#subscription?.unsubscribe();
    this.#observed = engine;
    this.#subscription = engine
      ? observeRoster(engine, (d) => {
          this.data = d;
        })
      : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#subscription?.unsubscribe();
    this.#observed = null;
  }

  override render() {
    const data = this.data;
    return html`
      <h1>${t.title}</h1>
      ${
        this.#organization.organizations.length > 1
          ? html`<p class="muted">${this.#organization.current?.name}</p>`
          : nothing
      }
      <p><a class="button" href="/roster/new">${t.add}</a></p>
      ${data ? this.renderRoster(this.inCurrentOrganization(data)) : html`<p class="muted" role="status">…</p>`}
    `;
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
    const filter = { query: this.query, group: this.group, status: this.status };
    const shown = data.athletes.filter((a) => matchesRoster(a, filter));
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
      </div>
      <p class="muted" role="status">${t.count(shown.length)}</p>
      ${
        shown.length === 0
          ? html`<p class="card">${data.athletes.length === 0 ? t.noneYet : t.empty}</p>`
          : html`<ul aria-label=${t.title}>
              ${shown.map(
                (a) =>
                  html`<li>
                    <a class="card" href=${`/roster/${a.id}`}>
                      <span class="name">${a.name}</span>
                      ${a.groupId ? html`<span class="muted">${groupName.get(a.groupId) ?? ''}</span>` : nothing}
                      ${a.status !== 'active' ? html`<span class="muted">${t.statusName(a.status)}</span>` : nothing}
                      ${this.renderSchedule(a.schedule)} ${this.renderRank(a)}
                    </a>
                  </li>`,
              )}
            </ul>`
      }
    `;
  }

  private renderSchedule(schedule: string | null) {
    const label = html`<span class="visually-hidden">${t.schedule}: </span>`;
    if (schedule === SELF_REGISTRATION)
      return html`<span class="chips"
        >${label}<span class="chip">${t.selfRegistration}</span></span
      >`;
    const chips = scheduleChips(schedule);
    if (chips.length === 0) return html`<span class="muted">${label}${t.notSet}</span>`;
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
