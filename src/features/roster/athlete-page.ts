import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { z } from 'zod';
import {
  ATHLETE_STATUSES,
  athleteNameSchema,
  athleteNotesSchema,
  athleteStatusSchema,
  notesValue,
} from '../../domain/athlete.ts';
import { RANKS, isRank } from '../../domain/rank.ts';
import { rankSchema } from '../../domain/rank-schema.ts';
import { scheduleSchema } from '../../domain/schedule-schema.ts';
import { displaySchedule } from '../../domain/schedule.ts';
import { currentLocale } from '../../i18n/locale.ts';
import { keyed } from 'lit/directives/keyed.js';
import { currentSeason, seasonOfDate } from '../../domain/season.ts';
import {
  groupsOfOrganization,
  isOfferedGroup,
  newAthleteDefaults,
} from '../../domain/new-athlete.ts';
import { seasonSchema } from '../../domain/season-schema.ts';
import { ContextConsumer } from '@lit/context';
import { supabaseContext } from '../../state/contexts.ts';
import { describeError } from '../../data/describe-error.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { CurrentOrganizationController } from '../../state/current-organization-controller.ts';
import { rosterStrings as t } from './roster-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import type { ScheduleEditEvent } from '../../ui/ts-schedule-picker.ts';
import '../../ui/ts-notice.ts';
import '../../ui/ts-schedule-picker.ts';
import {
  isAdminOf,
  linkAthleteAccount,
  observeAthlete,
  type AthleteData,
  type GroupOption,
} from './athlete-data.ts';
import { rankBadge } from '../../ui/rank-badge.ts';
import './athlete-attendance.ts';
import './athlete-contacts.ts';
import './athlete-subscription.ts';
import '../results/index.ts';
import { loadAthletePlans } from '../plans/index.ts';
import { fieldErrors } from '../../ui/form-errors.ts';
import { NavigateEvent } from '../../ui/navigate-event.ts';
import { translateDomainMessage } from '../../i18n/domain-messages.ts';
import { reportPath, reportsStrings } from '../reports/index.ts';

/** the form as the database takes it; every rule is the domain's, so both agree */
const athleteForm = z.object({
  name: athleteNameSchema,
  group_id: z.string().nullable(),
  season: seasonSchema,
  status: athleteStatusSchema,
  schedule: scheduleSchema,
  rank_start: rankSchema,
  rank_end: rankSchema,
  notes: athleteNotesSchema,
});
type AthleteForm = z.infer<typeof athleteForm>;

interface Draft {
  name: string;
  group_id: string;
  season: string;
  status: string;
  schedule: string;
  rank_start: string;
  rank_end: string;
  notes: string;
}

const emptyDraft: Draft = {
  name: '',
  group_id: '',
  season: '',
  status: 'active',
  schedule: '',
  rank_start: '',
  rank_end: '',
  notes: '',
};

function withoutKey(record: Record<string, string>, key: string): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * One athlete, or a new one (`creating`): name, group, status, season, the
 * schedule (typed, or built with the day-and-time picker), the season's ranks and
 * notes, validated as the database validates them. A new athlete is created in
 * the current organization, among its groups only; the form starts with the group
 * the roster showed (`?group=`) and the current season. Saving is a local edit through
 * the sync engine, so it works offline and shows as pending until the server has
 * it. Below: past seasons' ranks, and for admins the link to the athlete's own
 * account (a server action, so it needs the network).
 */
@customElement('athlete-page')
export class AthletePage extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    css`
      form {
        display: grid;
        gap: var(--ts-space-4);
      }
      label {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
      textarea {
        padding: var(--ts-space-2);
        min-height: 6rem;
        resize: vertical;
      }
      section {
        margin-top: var(--ts-space-6);
      }
      h2 {
        font-size: 1.125rem;
        margin: 0 0 var(--ts-space-3);
      }
      .history {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-2);
      }
      .badge {
        padding: 1px var(--ts-space-2);
        border-radius: 999px;
        background: var(--ts-color-brand-soft);
        color: var(--ts-color-brand-strong);
        white-space: nowrap;
      }
    `,
  ];

  /** the athlete's id, from the URL (empty when creating) */
  @property() athleteId = '';
  /** a new athlete instead of an existing one */
  @property({ type: Boolean }) creating = false;

  readonly #athlete = new LocalQueryController(
    this,
    (engine, onChange: (data: AthleteData) => void) => {
      this.#dirty = false;
      return observeAthlete(engine, this.creating ? null : this.athleteId, onChange);
    },
    {
      key: () => (this.creating ? null : this.athleteId),
      onChange: (data) => this.followStored(data),
    },
  );
  readonly #supabase = new ContextConsumer(this, { context: supabaseContext });
  readonly #online = new OnlineController(this);
  /** the club a new athlete is created in: the one the app shows */
  readonly #organization = new CurrentOrganizationController(this);
  /** the group the roster showed when "add" was pressed (`/roster/new?group=…`) */
  #viewedGroup: string | null = null;
  @state() private draft: Draft = emptyDraft;
  @state() private errors: Record<string, string> = {};
  @state() private saveMessage = '';
  @state() private saveError = '';
  @state() private linkUser = '';
  @state() private linkMessage = '';
  @state() private linkError = '';
  @state() private linking = false;
  /** the form follows the stored row until the user starts typing */
  #dirty = false;

  private get data(): AthleteData | undefined {
    return this.#athlete.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadAthletePlans();
    this.#viewedGroup = new URLSearchParams(location.search).get('group');
  }

  /**
   * a new athlete's group and season: the defaults until the user edits the form;
   * a group no longer on offer (another club made current meanwhile) is replaced
   */
  override willUpdate(): void {
    const data = this.data;
    if (!this.creating || !data || !this.#organization.loaded) return;
    const offered = this.offeredGroups(data);
    const d = this.draft;
    if (this.#dirty && isOfferedGroup(offered, d.group_id, this.mayLeaveUngrouped(data))) return;
    const zone = data.timeZones.get(this.orgId() ?? '') ?? 'Europe/Moscow';
    const defaults = newAthleteDefaults(
      offered,
      this.#viewedGroup,
      currentSeason({ now: () => Date.now() }, zone),
    );
    const next = this.#dirty ? { ...d, group_id: defaults.group_id } : { ...d, ...defaults };
    if (next.group_id !== d.group_id || next.season !== d.season) this.draft = next;
  }

  /** the groups the form offers: the athlete's organization's, or the current one's */
  private offeredGroups(data: AthleteData): GroupOption[] {
    return this.creating ? groupsOfOrganization(data.groups, this.orgId()) : data.groups;
  }

  /** the form shows the stored athlete (or a new one's defaults) until the user types */
  private followStored(data: AthleteData): void {
    if (this.#dirty) return;
    const row = data.athlete;
    if (row) {
      // the form edits text: a column with no value is an empty field
      this.draft = {
        name: row.name,
        group_id: row.group_id ?? '',
        season: row.season ?? '',
        status: row.status || 'active',
        // in the interface's language ("Mon 18:00"); saved back in the stored form
        schedule: displaySchedule(row.schedule, currentLocale),
        rank_start: row.rank_start ?? '',
        rank_end: row.rank_end ?? '',
        notes: row.notes ?? '',
      };
    } else if (this.creating) {
      // the group and season are filled in by willUpdate, once the club is known
      this.draft = emptyDraft;
    }
  }

  override render() {
    const data = this.data;
    if (data === undefined) return html`<p class="muted" role="status">…</p>`;
    if (!this.creating && data.athlete === null) {
      return html`<p>${t.notFound}</p>
        <p><a class="button secondary" href="/roster">${t.back}</a></p>`;
    }
    if (this.creating && !this.#organization.loaded) {
      return html`<p class="muted" role="status">…</p>`;
    }
    if (this.creating && this.offeredGroups(data).length === 0 && !isAdminOf(data, this.orgId())) {
      return html`<h1>${t.newTitle}</h1>
        <p>${t.noGroupsToAdd}</p>
        <p><a class="button secondary" href="/roster">${t.back}</a></p>`;
    }
    return html`
      <h1>${this.creating ? t.newTitle : (data.athlete?.name ?? '')}</h1>
      ${this.creating ? nothing : html`<p><a class="button secondary" href=${reportPath(this.athleteId)}>${reportsStrings.link}</a></p>`}
      ${
        // say which club a new athlete joins, for someone in several
        this.creating && this.#organization.organizations.length > 1
          ? html`<p class="muted">${t.inOrganization(this.#organization.current?.name ?? '')}</p>`
          : nothing
      }
      ${this.renderForm(data)} ${this.creating ? nothing : this.renderHistory(data)}
      ${
        this.creating
          ? nothing
          : html`<athlete-attendance
              .athleteId=${this.athleteId}
              .season=${data.athlete?.season || seasonOfDate(new Date().toISOString().slice(0, 10))}
            ></athlete-attendance>`
      }
      ${this.creating ? nothing : html`<athlete-results .athleteId=${this.athleteId}></athlete-results>`}
      ${this.creating ? nothing : html`<athlete-contacts .athleteId=${this.athleteId}></athlete-contacts>`}
      ${this.creating ? nothing : html`<athlete-subscription .athleteId=${this.athleteId}></athlete-subscription>`}
      ${this.creating ? nothing : html`<athlete-plans .athleteId=${this.athleteId}></athlete-plans>`}
      ${!this.creating && isAdminOf(data, this.orgId()) ? this.renderAccount(data) : nothing}
    `;
  }

  private renderForm(data: AthleteData) {
    const d = this.draft;
    const e = this.errors;
    return html`<form novalidate @submit=${this.save}>
      ${this.renderInput('name', t.name, d.name, { autocomplete: 'off' })}
      <label
        >${t.group}
        <select
          name="group_id"
          aria-invalid=${e['group_id'] ? 'true' : 'false'}
          aria-describedby="group_id-error"
          @change=${this.onInput}
        >
          ${
            this.mayLeaveUngrouped(data)
              ? html`<option value="" ?selected=${d.group_id === ''}>${t.noGroup}</option>`
              : nothing
          }
          ${this.offeredGroups(data).map(
            (g) => html`<option value=${g.id} ?selected=${g.id === d.group_id}>${g.name}</option>`,
          )}
        </select>
        <p class="error" id="group_id-error" role="alert">${e['group_id'] ?? ''}</p>
      </label>
      <label
        >${t.status}
        <select name="status" @change=${this.onInput}>
          ${ATHLETE_STATUSES.map(
            (s) => html`<option value=${s} ?selected=${s === d.status}>${t.statusName(s)}</option>`,
          )}
        </select>
      </label>
      ${this.renderInput('season', t.season, d.season, { hint: t.seasonHint })}
      ${this.renderInput('schedule', t.schedule, d.schedule, { hint: t.scheduleHint })}
      ${keyed(
        this.athleteId,
        html`<ts-schedule-picker
          .value=${d.schedule}
          .locale=${currentLocale}
          legend=${t.picker.legend}
          day-label=${t.picker.day}
          time-label=${t.picker.time}
          add-label=${t.picker.add}
          self-label=${t.picker.self}
          remove-label=${t.picker.remove}
          @schedule-edit=${this.onPicked}
        ></ts-schedule-picker>`,
      )}
      ${this.renderRank('rank_start', t.rankStart, d.rank_start)}
      ${this.renderRank('rank_end', t.rankEnd, d.rank_end)}
      <label
        >${t.notes}
        <textarea
          name="notes"
          .value=${d.notes}
          aria-invalid=${e['notes'] ? 'true' : 'false'}
          aria-describedby="notes-error"
          @input=${this.onInput}
        ></textarea>
        <p class="error" id="notes-error" role="alert">${e['notes'] ?? ''}</p>
      </label>
      ${this.saveError ? html`<ts-notice tone="error"><p>${this.saveError}</p></ts-notice>` : nothing}
      <p role="status" class="muted">${this.saveMessage}</p>
      <div class="actions">
        <button class="button" type="submit">${this.creating ? t.create : t.save}</button>
        <a class="button secondary" href="/roster">${t.back}</a>
      </div>
    </form>`;
  }

  private renderInput(
    name: keyof Draft,
    label: string,
    value: string,
    options: { hint?: string; autocomplete?: string } = {},
  ) {
    const error = this.errors[name] ?? '';
    const describedBy = [options.hint ? `${name}-hint` : '', `${name}-error`].join(' ').trim();
    return html`<label
      >${label}
      ${options.hint ? html`<span class="hint" id="${name}-hint">${options.hint}</span>` : nothing}
      <input
        name=${name}
        autocomplete=${options.autocomplete ?? 'off'}
        .value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${this.onInput}
      />
      <p class="error" id="${name}-error" role="alert">${error}</p>
    </label>`;
  }

  private renderRank(name: 'rank_start' | 'rank_end', label: string, value: string) {
    return html`<label
      >${label}
      <select name=${name} @change=${this.onInput}>
        <option value="" ?selected=${value === ''}>${t.notSet}</option>
        ${RANKS.map((r) => html`<option value=${r} ?selected=${r === value}>${r}</option>`)}
      </select></label
    >`;
  }

  private renderHistory(data: AthleteData) {
    return html`<section aria-labelledby="history">
      <h2 id="history">${t.history}</h2>
      ${
        data.history.length === 0
          ? html`<p class="muted">${t.noHistory}</p>`
          : html`<ul class="history">
              ${data.history.map(
                (h) =>
                  html`<li class="card">
                    <strong>${h.season}</strong>:
                    <span class="badge"
                      >${isRank(h.rankStart) ? rankBadge(h.rankStart) : t.notSet}</span
                    >
                    →
                    <span class="badge"
                      >${isRank(h.rankEnd) ? rankBadge(h.rankEnd) : t.notSet}</span
                    >
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  private renderAccount(data: AthleteData) {
    const linkedId = data.athlete?.user_id ?? '';
    const online = this.#online.online;
    return html`<section aria-labelledby="account">
      <h2 id="account">${t.account}</h2>
      <p>${linkedId ? t.accountLinked(data.names.get(linkedId) ?? linkedId) : t.accountNone}</p>
      ${!online ? html`<ts-notice><p>${t.needsNetwork}</p></ts-notice>` : nothing}
      ${
        this.linkError
          ? html`<ts-notice tone="error"><p>${this.linkError}</p></ts-notice>`
          : nothing
      }
      <p role="status" class="muted">${this.linkMessage}</p>
      ${
        linkedId
          ? html`<button
              class="button secondary"
              type="button"
              ?disabled=${!online || this.linking}
              @click=${() => this.link(null)}
            >
              ${t.unlink}
            </button>`
          : data.linkable.length === 0
            ? html`<p class="muted">${t.noMembersToLink}</p>`
            : html`<div class="actions">
                <label
                  >${t.member}
                  <select
                    @change=${(e: Event) => (this.linkUser = (e.target as HTMLSelectElement).value)}
                  >
                    <option value="" ?selected=${this.linkUser === ''}>—</option>
                    ${data.linkable.map(
                      (m) =>
                        html`<option value=${m.userId} ?selected=${m.userId === this.linkUser}>
                          ${m.name}
                        </option>`,
                    )}
                  </select>
                </label>
                <button
                  class="button"
                  type="button"
                  ?disabled=${!online || this.linking || this.linkUser === ''}
                  @click=${() => this.link(this.linkUser)}
                >
                  ${t.linkAccount}
                </button>
              </div>`
      }
    </section>`;
  }

  /**
   * the athlete's organization; when creating, the current one (never the chosen
   * group's: the form offers the current organization's groups only)
   */
  private orgId(): string | null {
    if (this.creating) return this.#organization.currentId;
    return this.data?.athlete?.org_id || null;
  }

  /** only admins see athletes without a group, so only they may leave one there */
  private mayLeaveUngrouped(data: AthleteData): boolean {
    return isAdminOf(data, this.orgId());
  }

  private onInput(e: Event): void {
    const target = e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    this.#dirty = true;
    this.draft = { ...this.draft, [target.name]: target.value };
    this.saveMessage = '';
    if (this.errors[target.name]) this.errors = withoutKey(this.errors, target.name);
  }

  private onPicked(e: ScheduleEditEvent): void {
    this.saveMessage = '';
    if (!e.edit.ok) {
      this.errors = { ...this.errors, schedule: translateDomainMessage(e.edit.message) };
      return;
    }
    this.#dirty = true;
    this.draft = { ...this.draft, schedule: displaySchedule(e.edit.value, currentLocale) };
    this.errors = withoutKey(this.errors, 'schedule');
  }

  private parsed(): { ok: true; form: AthleteForm } | { ok: false } {
    const d = this.draft;
    const result = athleteForm.safeParse({
      name: d.name,
      group_id: orNull(d.group_id),
      season: orNull(d.season),
      status: d.status,
      schedule: orNull(d.schedule),
      rank_start: orNull(d.rank_start),
      rank_end: orNull(d.rank_end),
      notes: notesValue(d.notes),
    });
    if (result.success) return { ok: true, form: result.data };
    this.errors = fieldErrors(result.error);
    return { ok: false };
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const engine = this.#athlete.engine;
    if (!engine) return;
    this.saveError = '';
    const parsed = this.parsed();
    if (!parsed.ok) {
      this.saveMessage = '';
      const first = Object.keys(this.errors)[0];
      this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    this.errors = {};
    const form = { ...parsed.form, name: parsed.form.name.trim() };
    try {
      if (this.creating) {
        const orgId = this.orgId();
        if (!orgId) return;
        // willUpdate keeps the choice among the current club's groups; this is the last word
        const data = this.data;
        const groupId = form.group_id ?? '';
        if (
          !data ||
          !isOfferedGroup(this.offeredGroups(data), groupId, this.mayLeaveUngrouped(data))
        ) {
          this.errors = { ...this.errors, group_id: t.chooseGroup };
          return;
        }
        const id = crypto.randomUUID();
        await engine.change({
          table: 'athletes',
          op: 'insert',
          row: { id, org_id: orgId, ...form },
        });
        this.#dirty = false;
        this.dispatchEvent(new NavigateEvent(`/roster/${id}`, { replace: true }));
        return;
      }
      await engine.change({ table: 'athletes', op: 'update', id: this.athleteId, patch: form });
      this.#dirty = false;
      // as stored ("пн 8.00" → "Пн 08:00"), even when that changed nothing
      this.draft = { ...this.draft, schedule: displaySchedule(form.schedule, currentLocale) };
      this.saveMessage = t.saved;
    } catch (error) {
      this.saveError = describeError(error).message;
    }
  }

  private async link(userId: string | null): Promise<void> {
    const client = this.#supabase.value;
    if (!client) return;
    this.linking = true;
    this.linkError = '';
    this.linkMessage = '';
    const result = await linkAthleteAccount(client, this.athleteId, userId);
    this.linking = false;
    if (!result.ok) {
      this.linkError = result.error.message;
      return;
    }
    this.linkUser = '';
    this.linkMessage = userId ? t.linked : t.unlinked;
    // the new link arrives with the next pull; ask for it now
    this.#athlete.engine?.requestSync();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'athlete-page': AthletePage;
  }
}
