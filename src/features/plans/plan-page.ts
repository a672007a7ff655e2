import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  formatPace,
  mondayOf,
  planDayOn,
  planFieldsSchema,
  shiftStartDate,
  startDateSchema,
  workoutDate,
} from '../../domain/training-plan.ts';
import { describeError } from '../../data/describe-error.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { fieldErrors } from '../../ui/form-errors.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { NavigateEvent } from '../../ui/navigate-event.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { complianceFigure, complianceStyles, renderComplianceTable } from './plan-compliance.ts';
import {
  addWeek,
  assignPlan,
  cancelAssignment,
  copyWeekTo,
  deleteWorkout,
  dropWeek,
  duplicatePlan,
  observePlan,
  plannedWorkout,
  saveWorkout,
  updatePlan,
  type PlanData,
  type PlanRow,
  type WorkoutRow,
} from './plans-data.ts';
import { plansStrings as t } from './plans-strings.ts';
import { WorkoutSaveEvent } from './workout-form.ts';
import './workout-form.ts';

/** the device clock, at the edge: the domain takes it injected */
const deviceClock = () => Date.now();

/** one line a coach reads at a glance: "Run · 40 min · 8 km · pace 5:30/km" */
function summary(w: WorkoutRow): string {
  const parts = [w.title || t.typeName(w.type)];
  if (w.title) parts.unshift(t.typeName(w.type));
  if (w.duration_min) parts.push(t.summaryMinutes(w.duration_min));
  if (w.distance_m) parts.push(t.summaryKm((w.distance_m / 1000).toLocaleString()));
  if (w.intensity === 'pace' && w.pace_s_per_km)
    parts.push(t.summaryPace(formatPace(w.pace_s_per_km)));
  if (w.intensity === 'hr_zone' && w.hr_zone) parts.push(t.summaryZone(w.hr_zone));
  if (w.intensity === 'rpe' && w.rpe) parts.push(t.summaryRpe(w.rpe));
  return parts.join(' · ');
}

/**
 * One plan — a template or an athlete's copy — built week by week at phone width:
 * seven days of workouts, add, edit and remove them; add, remove and copy weeks;
 * for a template, assign it to a group or an athlete from a date and see each
 * athlete's compliance; for a copy, shift its start. All local edits.
 */
@customElement('plan-page')
export class PlanPage extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    complianceStyles,
    css`
      h1 {
        overflow-wrap: anywhere;
      }
      h2 {
        font-size: 1.125rem;
        margin: var(--ts-space-5) 0 var(--ts-space-2);
      }
      form {
        display: grid;
        gap: var(--ts-space-3);
      }
      label {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
      .weekbar {
        display: grid;
        grid-template-columns: 44px 1fr 44px;
        gap: var(--ts-space-2);
        align-items: center;
      }
      .weekbar select {
        width: 100%;
      }
      .days {
        list-style: none;
        margin: var(--ts-space-3) 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-2);
      }
      .day h3 {
        font-size: 1rem;
        margin: 0 0 var(--ts-space-1);
      }
      .workouts {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .workout {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0 var(--ts-space-3);
        border-top: 1px solid var(--ts-color-border);
      }
      .workout span {
        flex: 1 1 100%;
        padding-top: var(--ts-space-2);
        overflow-wrap: anywhere;
      }
      .notes {
        flex-basis: 100%;
        margin: 0;
        font-size: 0.9375rem;
      }
      textarea {
        padding: var(--ts-space-2);
        min-height: 4rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2);
        align-items: end;
      }
      .row label {
        flex: 1 1 8rem;
      }
      .assignments {
        list-style: none;
        padding: 0;
        margin: var(--ts-space-2) 0 0;
      }
    `,
  ];

  @property() planId = '';

  readonly #query = new LocalQueryController(
    this,
    (engine, onChange: (d: PlanData) => void) =>
      observePlan(engine, this.planId, deviceClock, onChange),
    { key: () => this.planId, onChange: (d) => this.follow(d) },
  );
  @state() private week = 1;
  @state() private editing: { day: number; id: string | null } | null = null;
  @state() private copyTarget = '';
  @state() private message = '';
  @state() private error = '';
  @state() private head = { title: '', description: '' };
  @state() private headErrors: Record<string, string> = {};
  @state() private target = '';
  @state() private startDate = '';
  @state() private assignErrors: Record<string, string> = {};
  @state() private shiftDays = '';
  @state() private shiftError = '';
  #headFor = '';

  /** the title form follows the stored plan until another plan is shown */
  private follow(d: PlanData): void {
    const p = d.plan;
    if (!p) return;
    if (this.#headFor !== p.id) {
      this.#headFor = p.id;
      this.head = { title: p.title, description: p.description ?? '' };
      this.startDate = mondayOf(d.today);
      // a running copy opens on this week
      const on = p.start_date ? planDayOn(p.start_date, p.weeks, d.today) : null;
      this.week = on?.week ?? 1;
    }
    if (this.week > p.weeks) this.week = p.weeks;
  }

  override render() {
    const d = this.#query.value;
    if (!d) return html`<p class="muted" role="status">…</p>`;
    const plan = d.plan;
    if (!plan) {
      return html`<p>${t.notFound}</p>
        <p><a class="button secondary" href="/plans">${t.back}</a></p>`;
    }
    const template = plan.kind === 'template';
    return html`
      <p class="muted">${template ? t.template : t.athleteCopy(d.athleteName)}</p>
      <h1>${plan.title}</h1>
      ${!template && d.source ? html`<p class="muted">${t.fromTemplate(d.source.title)}</p>` : nothing}
      ${this.error ? html`<ts-notice tone="error"><p>${this.error}</p></ts-notice>` : nothing}
      <p role="status" class="muted">${this.message}</p>
      ${template ? nothing : this.renderShift(plan)} ${this.renderWeek(d, plan)}
      <section aria-labelledby="compliance">
        <h2 id="compliance">${t.compliance}</h2>
        <p class="muted">${t.complianceHint}</p>
        ${
          template
            ? renderComplianceTable(d.compliance)
            : d.compliance[0]
              ? html`<p><strong>${complianceFigure(d.compliance[0].compliance)}</strong></p>
                  ${renderComplianceTable(d.compliance)}`
              : nothing
        }
      </section>
      ${template ? this.renderAssign(d, plan) : nothing} ${this.renderHead(d, plan)}
      <p><a class="button secondary" href="/plans">${t.back}</a></p>
    `;
  }

  private renderWeek(d: PlanData, plan: PlanRow) {
    const week = this.week;
    const workouts = d.workouts.filter((w) => w.week === week);
    return html`<section aria-labelledby="week">
      <h2 id="week" class="visually-hidden">${t.weekOf(week, plan.weeks)}</h2>
      <div class="weekbar">
        <button
          class="button secondary"
          type="button"
          aria-label=${t.prevWeek}
          ?disabled=${week <= 1}
          @click=${() => this.goWeek(week - 1)}
        >
          ‹
        </button>
        <select
          aria-label=${t.week}
          @change=${(e: Event) => this.goWeek(Number((e.target as HTMLSelectElement).value))}
        >
          ${Array.from(
            { length: plan.weeks },
            (_, i) =>
              html`<option value=${i + 1} ?selected=${i + 1 === week}>
                ${t.weekOf(i + 1, plan.weeks)}
              </option>`,
          )}
        </select>
        <button
          class="button secondary"
          type="button"
          aria-label=${t.nextWeek}
          ?disabled=${week >= plan.weeks}
          @click=${() => this.goWeek(week + 1)}
        >
          ›
        </button>
      </div>
      <ol class="days">
        ${Array.from({ length: 7 }, (_, i) => this.renderDay(plan, workouts, i + 1))}
      </ol>
      <div class="actions">
        <button
          class="button secondary"
          type="button"
          @click=${() =>
            this.run(
              () => addWeek(this.engine(), plan),
              () => this.goWeek(plan.weeks + 1),
            )}
        >
          ${t.addWeek}
        </button>
        ${
          plan.weeks > 1
            ? html`<button
                class="button secondary"
                type="button"
                @click=${() => this.removeWeek(d, plan)}
              >
                ${t.removeWeek}
              </button>`
            : nothing
        }
      </div>
      ${
        plan.weeks > 1
          ? html`<div class="row">
              <label
                >${t.copyWeekTo}
                <select
                  name="copy-to"
                  @change=${(e: Event) => (this.copyTarget = (e.target as HTMLSelectElement).value)}
                >
                  <option value="" ?selected=${this.copyTarget === ''}>—</option>
                  ${Array.from({ length: plan.weeks }, (_, i) => i + 1)
                    .filter((n) => n !== week)
                    .map(
                      (n) =>
                        html`<option value=${n} ?selected=${String(n) === this.copyTarget}>
                          ${t.weekOf(n, plan.weeks)}
                        </option>`,
                    )}
                </select>
              </label>
              <button
                class="button secondary"
                type="button"
                ?disabled=${this.copyTarget === ''}
                @click=${() => this.copyWeek(d, plan)}
              >
                ${t.copyWeek}
              </button>
            </div>`
          : nothing
      }
    </section>`;
  }

  private renderDay(plan: PlanRow, workouts: WorkoutRow[], day: number) {
    const mine = workouts.filter((w) => w.day === day);
    const editing = this.editing;
    const date = plan.start_date ? workoutDate(plan.start_date, this.week, day) : '';
    return html`<li class="card day" data-day=${day}>
      <h3>${t.day(day)}${date ? html` <span class="muted">· ${date}</span>` : nothing}</h3>
      <ul class="workouts">
        ${mine.map((w) =>
          editing?.id === w.id
            ? html`<li>
                <workout-form
                  .workout=${plannedWorkout(w)}
                  .week=${w.week}
                  .day=${w.day}
                  .position=${w.position}
                  @workout-save=${(e: WorkoutSaveEvent) => this.save(plan, w.id, e)}
                  @cancel=${() => (this.editing = null)}
                ></workout-form>
              </li>`
            : html`<li class="workout">
                <span>${summary(w)}</span>
                ${w.notes ? html`<p class="notes muted">${w.notes}</p>` : nothing}
                <button
                  class="link-button"
                  type="button"
                  @click=${() => (this.editing = { day, id: w.id })}
                >
                  ${t.edit}
                </button>
                <button
                  class="link-button"
                  type="button"
                  @click=${() => this.run(() => deleteWorkout(this.engine(), w.id))}
                >
                  ${t.remove}
                </button>
              </li>`,
        )}
      </ul>
      ${
        editing?.day === day && editing.id === null
          ? html`<workout-form
              .week=${this.week}
              .day=${day}
              .position=${Math.min(50, mine.length === 0 ? 0 : Math.max(...mine.map((w) => w.position)) + 1)}
              @workout-save=${(e: WorkoutSaveEvent) => this.save(plan, null, e)}
              @cancel=${() => (this.editing = null)}
            ></workout-form>`
          : html`<button
              class="link-button"
              type="button"
              @click=${() => (this.editing = { day, id: null })}
            >
              + ${t.addWorkout}
            </button>`
      }
    </li>`;
  }

  private renderShift(plan: PlanRow) {
    return html`<section aria-labelledby="shift">
      <h2 id="shift">${t.shiftTitle}</h2>
      <p>${t.startDateIs(plan.start_date ?? '—')}</p>
      <form novalidate class="row" @submit=${(e: Event) => this.shift(e, plan)}>
        <label
          >${t.shiftDays}
          <input
            name="shift"
            inputmode="numeric"
            .value=${this.shiftDays}
            aria-invalid=${this.shiftError ? 'true' : 'false'}
            @input=${(e: Event) => (this.shiftDays = (e.target as HTMLInputElement).value)}
          />
        </label>
        <button class="button secondary" type="submit">${t.shift}</button>
      </form>
      <p class="error" role="alert">${this.shiftError}</p>
    </section>`;
  }

  private renderAssign(d: PlanData, plan: PlanRow) {
    const e = this.assignErrors;
    const targetName = (a: { group_id: string | null; athlete_id: string | null }) =>
      d.groups.find((g) => g.id === a.group_id)?.name ??
      d.athletes.find((x) => x.id === a.athlete_id)?.name ??
      '—';
    return html`<section aria-labelledby="assign">
      <h2 id="assign">${t.assignTitle}</h2>
      <p class="muted">${t.assignHint}</p>
      <form novalidate @submit=${(ev: Event) => this.assign(ev, plan)}>
        <label
          >${t.assignTarget}
          <select
            name="target"
            aria-invalid=${e['target'] ? 'true' : 'false'}
            @change=${(ev: Event) => (this.target = (ev.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${this.target === ''}>—</option>
            <optgroup label=${t.groupsLabel}>
              ${d.groups.map(
                (g) =>
                  html`<option value="group:${g.id}" ?selected=${this.target === `group:${g.id}`}>
                    ${g.name}
                  </option>`,
              )}
            </optgroup>
            <optgroup label=${t.athletesLabel}>
              ${d.athletes.map(
                (a) =>
                  html`<option
                    value="athlete:${a.id}"
                    ?selected=${this.target === `athlete:${a.id}`}
                  >
                    ${a.name}
                  </option>`,
              )}
            </optgroup>
          </select>
          <p class="error" role="alert">${e['target'] ?? ''}</p>
        </label>
        <label
          >${t.startDate}
          <input
            name="start_date"
            type="date"
            .value=${this.startDate}
            aria-invalid=${e['start_date'] ? 'true' : 'false'}
            @input=${(ev: Event) => (this.startDate = (ev.target as HTMLInputElement).value)}
          />
          <p class="error" role="alert">${e['start_date'] ?? ''}</p>
        </label>
        <div class="actions"><button class="button" type="submit">${t.assign}</button></div>
      </form>
      ${
        d.assignments.length === 0
          ? nothing
          : html`<h3>${t.assignments}</h3>
              <ul class="assignments">
                ${d.assignments.map(
                  (a) =>
                    html`<li>
                      ${t.assignmentLine(targetName(a), a.start_date)}
                      ${
                        a.status === 'cancelled'
                          ? html`<span class="muted">(${t.cancelled})</span>`
                          : html`<button
                              class="link-button"
                              type="button"
                              @click=${() => this.run(() => cancelAssignment(this.engine(), a.id))}
                            >
                              ${t.cancelAssignment}
                            </button>`
                      }
                    </li>`,
                )}
              </ul>`
      }
    </section>`;
  }

  private renderHead(d: PlanData, plan: PlanRow) {
    const e = this.headErrors;
    return html`<section aria-labelledby="head">
      <h2 id="head">${t.aboutPlan}</h2>
      <form novalidate @submit=${(ev: Event) => this.saveHead(ev, plan)}>
        <label
          >${t.planTitle}
          <input
            name="title"
            .value=${this.head.title}
            aria-invalid=${e['title'] ? 'true' : 'false'}
            @input=${(ev: Event) =>
              (this.head = { ...this.head, title: (ev.target as HTMLInputElement).value })}
          />
          <p class="error" role="alert">${e['title'] ?? ''}</p>
        </label>
        <label
          >${t.description}
          <textarea
            name="description"
            .value=${this.head.description}
            @input=${(ev: Event) =>
              (this.head = { ...this.head, description: (ev.target as HTMLTextAreaElement).value })}
          ></textarea>
          <p class="error" role="alert">${e['description'] ?? ''}</p>
        </label>
        <div class="actions">
          <button class="button secondary" type="submit">${t.savePlan}</button>
          <button class="button secondary" type="button" @click=${() => this.duplicate(d, plan)}>
            ${t.duplicate}
          </button>
          <button
            class="button secondary"
            type="button"
            @click=${() =>
              this.run(() =>
                updatePlan(this.engine(), plan.id, {
                  status: plan.status === 'archived' ? 'active' : 'archived',
                }),
              )}
          >
            ${plan.status === 'archived' ? t.restore : t.archive}
          </button>
        </div>
      </form>
    </section>`;
  }

  private engine() {
    const engine = this.#query.engine;
    if (!engine) throw new Error('no sync engine');
    return engine;
  }

  private goWeek(n: number): void {
    this.week = n;
    this.editing = null;
    this.copyTarget = '';
  }

  /** runs a local edit, showing its failure (a local write fails only on a broken store) */
  private async run(edit: () => Promise<unknown>, then?: () => void): Promise<void> {
    this.error = '';
    this.message = '';
    try {
      await edit();
      then?.();
    } catch (error) {
      this.error = describeError(error).message;
    }
  }

  private async save(plan: PlanRow, id: string | null, e: WorkoutSaveEvent): Promise<void> {
    await this.run(
      () => saveWorkout(this.engine(), plan, id, e.fields),
      () => (this.editing = null),
    );
  }

  private async removeWeek(d: PlanData, plan: PlanRow): Promise<void> {
    const week = this.week;
    if (!confirm(t.confirmRemoveWeek(week))) return;
    await this.run(
      () => dropWeek(this.engine(), plan, d.workouts, week),
      () => this.goWeek(Math.max(1, week - 1)),
    );
  }

  private async copyWeek(d: PlanData, plan: PlanRow): Promise<void> {
    const from = this.week;
    const to = Number(this.copyTarget);
    if (d.workouts.some((w) => w.week === to) && !confirm(t.confirmCopy(to))) return;
    await this.run(
      () => copyWeekTo(this.engine(), plan, d.workouts, from, to),
      () => {
        this.copyTarget = '';
        this.message = t.copied(from, to);
      },
    );
  }

  private async shift(e: Event, plan: PlanRow): Promise<void> {
    e.preventDefault();
    const days = Number(this.shiftDays.trim());
    if (!Number.isInteger(days) || days === 0 || !plan.start_date || this.shiftDays.trim() === '') {
      this.shiftError = t.shiftError;
      return;
    }
    this.shiftError = '';
    const next = shiftStartDate(plan.start_date, days);
    await this.run(
      () => updatePlan(this.engine(), plan.id, { start_date: next }),
      () => {
        this.shiftDays = '';
        this.message = t.shifted(next);
      },
    );
  }

  private async assign(e: Event, plan: PlanRow): Promise<void> {
    e.preventDefault();
    const errors: Record<string, string> = {};
    const [kind, id] = this.target.split(':');
    if (!id) errors['target'] = t.chooseTarget;
    const date = startDateSchema.safeParse(this.startDate);
    if (!date.success) errors['start_date'] = fieldErrors(date.error)[''] ?? '';
    this.assignErrors = errors;
    if (Object.keys(errors).length > 0 || !id) return;
    await this.run(
      () =>
        assignPlan(
          this.engine(),
          plan,
          kind === 'group' ? { groupId: id } : { athleteId: id },
          this.startDate,
        ),
      () => {
        this.target = '';
        this.message = t.assigned;
      },
    );
  }

  private async saveHead(e: Event, plan: PlanRow): Promise<void> {
    e.preventDefault();
    const parsed = planFieldsSchema.safeParse({ ...this.head, weeks: plan.weeks });
    if (!parsed.success) {
      this.headErrors = fieldErrors(parsed.error);
      return;
    }
    this.headErrors = {};
    await this.run(
      () =>
        updatePlan(this.engine(), plan.id, {
          title: parsed.data.title,
          description: parsed.data.description,
        }),
      () => (this.message = t.saved),
    );
  }

  private async duplicate(d: PlanData, plan: PlanRow): Promise<void> {
    let id = '';
    await this.run(
      async () => {
        id = await duplicatePlan(
          this.engine(),
          plan,
          d.workouts,
          t.duplicateTitle(plan.title).slice(0, 200),
        );
      },
      () => this.dispatchEvent(new NavigateEvent(`/plans/${id}`)),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-page': PlanPage;
  }
}
