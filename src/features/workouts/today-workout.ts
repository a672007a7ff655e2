import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatDistance, formatPace, type WorkoutIntensity } from '../../domain/plan-day.ts';
import { MAX_LOG_COMMENT, type WorkoutLogStatus } from '../../domain/workout-log-status.ts';
import type { LocalDate } from '../../domain/zoned-time.ts';
import { describeError } from '../../data/describe-error.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { chipStyles, statusToneStyles } from '../../ui/chip-styles.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { observeAthleteDay, type AthleteDay, type DayWorkout } from './athlete-day-data.ts';
import { logWorkout } from './log-workout.ts';
import { workoutsStrings as t } from './workouts-strings.ts';

/** a local date as «вторник, 8 декабря» in the interface's language */
function formatDay(date: LocalDate, weekday: 'long' | 'short' | null = 'long'): string {
  return new Intl.DateTimeFormat(currentIntlTag, {
    timeZone: 'UTC',
    ...(weekday ? { weekday } : {}),
    day: 'numeric',
    month: 'long',
  }).format(Date.parse(`${date}T00:00:00Z`));
}

function intensityText(i: WorkoutIntensity): string | null {
  if (!i) return null;
  switch (i.kind) {
    case 'pace':
      return t.pace(formatPace(i.secondsPerKm));
    case 'hr_zone':
      return t.hrZone(i.zone);
    case 'rpe':
      return t.rpe(i.rpe);
  }
}

/** duration · distance · intensity, what is given */
function facts(w: DayWorkout): string[] {
  const out: string[] = [];
  if (w.durationMin != null) out.push(t.minutes(w.durationMin));
  if (w.distanceM != null) {
    const d = formatDistance(w.distanceM);
    out.push(d.unit === 'km' ? t.km(d.value) : t.metres(d.value));
  }
  const intensity = intensityText(w.intensity);
  if (intensity) out.push(intensity);
  return out;
}

interface Draft {
  workoutId: string;
  status: WorkoutLogStatus;
  rpe: string;
  comment: string;
  error: string;
  invalid: 'status' | 'rpe' | 'comment' | null;
}

/**
 * The athlete's day on their home, from the local database (so it opens
 * offline): today's workouts first, each marked done or skipped with RPE and a
 * comment through the outbox, then the week ahead and when a locked week of a
 * sold plan opens. Renders nothing for someone with no plan.
 */
@customElement('today-workout')
export class TodayWorkout extends LitElement {
  static override styles = [
    sharedStyles,
    chipStyles,
    statusToneStyles,
    fieldStyles,
    css`
      :host {
        display: block;
      }
      section {
        margin-bottom: var(--ts-space-5);
      }
      h2 {
        font-size: 1.25rem;
        margin: 0 0 var(--ts-space-1);
      }
      h3 {
        font-size: 1rem;
        margin: 0;
      }
      .date {
        margin: 0 0 var(--ts-space-3);
        color: var(--ts-color-muted);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-3);
      }
      .workout {
        display: grid;
        gap: var(--ts-space-2);
      }
      .workout p {
        margin: 0;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: var(--ts-space-1) var(--ts-space-2);
      }
      .facts {
        font-weight: 600;
      }
      .notes {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .log {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-1) var(--ts-space-2);
        align-items: center;
      }
      .comment {
        overflow-wrap: anywhere;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2);
      }
      .actions .button {
        flex: 1 1 8rem;
      }
      form {
        display: grid;
        gap: var(--ts-space-3);
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2) var(--ts-space-4);
      }
      legend {
        font-weight: 600;
        margin-bottom: var(--ts-space-1);
      }
      fieldset label {
        display: inline-flex;
        align-items: center;
        gap: var(--ts-space-1);
        min-height: 44px;
      }
      label.field {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
      textarea {
        min-height: 5rem;
        padding: var(--ts-space-2);
      }
      .ahead li {
        display: grid;
        gap: 2px;
        padding: var(--ts-space-2) var(--ts-space-3);
      }
      .ahead .day {
        font-weight: 600;
      }
    `,
  ];

  /** the clock "today" is read by; a test may pin it */
  now: () => number = () => Date.now();

  readonly #day = new LocalQueryController(this, (engine, onChange: (day: AthleteDay) => void) =>
    observeAthleteDay(engine, this.now, onChange),
  );

  @state() private draft: Draft | null = null;
  @state() private saving = false;

  override render() {
    const day = this.#day.value;
    if (!day?.hasPlan) return nothing;
    return html`
      <section aria-labelledby="today-workout">
        <h2 id="today-workout">${t.today}</h2>
        <p class="date">${formatDay(day.today)}</p>
        ${
          day.workouts.length === 0
            ? html`<p class="card">${t.nothingToday}</p>`
            : html`<ul aria-label=${t.today}>
                ${day.workouts.map((w) => this.renderWorkout(w, day.today))}
              </ul>`
        }
      </section>
      <section aria-labelledby="week-ahead" class="ahead">
        <h2 id="week-ahead">${t.weekAhead}</h2>
        ${day.locked.map(
          (l) =>
            html`<ts-notice
              ><p>
                ${t.locked(l.week, formatDay(l.opensOn, null))} · ${t.plan(l.planTitle)}
              </p></ts-notice
            >`,
        )}
        ${
          day.ahead.length === 0
            ? html`<p class="muted">${t.nothingAhead}</p>`
            : html`<ul aria-label=${t.weekAhead}>
                ${day.ahead.map(
                  (d) =>
                    html`<li class="card">
                      <span class="day">${formatDay(d.date, 'short')}</span>
                      ${d.workouts.map(
                        (w) =>
                          html`<span
                            >${t.type[w.type]}${w.title ? ` — ${w.title}` : ''}${
                              facts(w).length ? html` · ${facts(w).join(' · ')}` : nothing
                            }</span
                          >`,
                      )}
                    </li>`,
                )}
              </ul>`
        }
      </section>
    `;
  }

  private renderWorkout(w: DayWorkout, today: LocalDate) {
    const id = `workout-${w.id}`;
    const info = facts(w);
    return html`<li class="card workout" aria-labelledby=${id}>
      <p class="head">
        <span class="chip">${t.type[w.type]}</span>
        <strong id=${id}>${w.title || t.type[w.type]}</strong>
      </p>
      ${info.length ? html`<p class="facts">${info.join(' · ')}</p>` : nothing}
      ${w.notes ? html`<p class="notes">${w.notes}</p>` : nothing}
      <p class="muted">${t.plan(w.planTitle)}</p>
      ${this.draft?.workoutId === w.id ? this.renderForm(w, today) : this.renderLog(w)}
    </li>`;
  }

  private renderLog(w: DayWorkout) {
    const log = w.log;
    return html`${
        log
          ? html`<div class="log" role="status">
              <span class="chip" data-tone=${log.status === 'done' ? 'success' : 'neutral'}
                >${log.status === 'done' ? t.done : t.skipped}</span
              >
              ${log.rpe != null ? html`<span>${t.rpe(log.rpe)}</span>` : nothing}
              ${
                log.pending
                  ? html`<span class="chip" data-tone="warning" title=${t.pendingHint}
                      >${t.pending}</span
                    >`
                  : nothing
              }
              ${log.comment ? html`<span class="comment">${t.quoted(log.comment)}</span>` : nothing}
            </div>`
          : nothing
      }
      <div class="actions">
        ${
          log
            ? html`<button
                class="button secondary"
                type="button"
                @click=${() => this.open(w, log.status)}
              >
                ${t.change}
              </button>`
            : html`<button class="button" type="button" @click=${() => this.open(w, 'done')}>
                  ${t.markDone}
                </button>
                <button
                  class="button secondary"
                  type="button"
                  @click=${() => this.open(w, 'skipped')}
                >
                  ${t.markSkipped}
                </button>`
        }
      </div>`;
  }

  private renderForm(w: DayWorkout, today: LocalDate) {
    const d = this.draft;
    if (!d) return nothing;
    const errorId = `log-error-${w.id}`;
    return html`<form
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.save(w, today);
      }}
    >
      <fieldset>
        <legend>${t.status}</legend>
        ${(['done', 'skipped'] as const).map(
          (s) =>
            html`<label
              ><input
                type="radio"
                name="status"
                .checked=${d.status === s}
                @change=${() => this.edit({ status: s })}
              />${s === 'done' ? t.done : t.skipped}</label
            >`,
        )}
      </fieldset>
      <label class="field"
        >${t.rpeLabel}
        <select
          aria-invalid=${d.invalid === 'rpe' ? 'true' : 'false'}
          aria-describedby="rpe-hint ${errorId}"
          @change=${(e: Event) => this.edit({ rpe: (e.target as HTMLSelectElement).value })}
        >
          <option value="" ?selected=${d.rpe === ''}>${t.rpeNone}</option>
          ${Array.from({ length: 10 }, (_, i) => String(i + 1)).map(
            (v) => html`<option value=${v} ?selected=${d.rpe === v}>${v}</option>`,
          )}
        </select>
        <span class="hint" id="rpe-hint">${t.rpeHint}</span>
      </label>
      <label class="field"
        >${t.comment}
        <textarea
          maxlength=${MAX_LOG_COMMENT}
          aria-invalid=${d.invalid === 'comment' ? 'true' : 'false'}
          aria-describedby=${errorId}
          .value=${d.comment}
          @input=${(e: Event) => this.edit({ comment: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
      </label>
      <p class="error" id=${errorId} role="alert">${d.error}</p>
      <div class="actions">
        <button class="button" type="submit" ?disabled=${this.saving}>${t.save}</button>
        <button class="button secondary" type="button" @click=${() => (this.draft = null)}>
          ${t.cancel}
        </button>
      </div>
    </form>`;
  }

  private open(w: DayWorkout, status: WorkoutLogStatus): void {
    this.draft = {
      workoutId: w.id,
      status,
      rpe: w.log?.rpe != null ? String(w.log.rpe) : '',
      comment: w.log?.comment ?? '',
      error: '',
      invalid: null,
    };
  }

  private edit(patch: Partial<Draft>): void {
    if (this.draft) this.draft = { ...this.draft, ...patch, error: '', invalid: null };
  }

  private async save(w: DayWorkout, today: LocalDate): Promise<void> {
    const d = this.draft;
    const engine = this.#day.engine;
    if (!d || !engine) return;
    // the schema (and zod) load on the first save, not with the home page
    const { parseWorkoutLog } = await import('../../domain/workout-log.ts');
    const parsed = parseWorkoutLog(d);
    if (!parsed.ok) {
      this.draft = { ...d, error: t.invalid[parsed.field], invalid: parsed.field };
      return;
    }
    this.saving = true;
    try {
      await logWorkout(engine.db, {
        ...parsed.value,
        orgId: w.orgId,
        workoutId: w.id,
        athleteId: w.athleteId,
        loggedOn: today,
      });
      this.draft = null;
      // the engine pushes when it can; offline the outbox keeps the log
      engine.requestSync();
    } catch (error) {
      this.draft = { ...d, error: `${t.saveFailed}: ${describeError(error).message}` };
    } finally {
      this.saving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'today-workout': TodayWorkout;
  }
}
