import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { COACH_ATHLETE_KINDS, coachAthleteFormSchema } from '../../domain/coach-athlete.ts';
import { describeError } from '../../data/describe-error.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { fieldErrors } from '../../ui/form-errors.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import {
  addCoachAthlete,
  endCoachAthlete,
  observeAthleteSections,
  type AthleteSectionsData,
} from './athlete-sections-data.ts';
import { complianceFigure } from './plan-compliance.ts';
import { plansStrings as t } from './plans-strings.ts';

const deviceClock = () => Date.now();
const c = t.coaches;

/** the server's refusal in words: over the coach's limit (the core's guard says how many), or as sent */
function refusal(message: string): string {
  const limit = /already has (\d+) individual athletes/.exec(message);
  return limit ? c.overLimit(limit[1] ?? '') : `${c.refused} ${message}`;
}

/**
 * On an athlete's page, for the club's staff: the athlete's training plans with
 * each one's compliance, and the coaches who take the athlete one-to-one
 * (coaching or consulting, with dates and notes), which a coach adds for
 * themself and an admin for any coach of the club. A relationship over a
 * coach's limit is refused by the server; the refusal shows here and on /sync.
 */
@customElement('athlete-plans')
export class AthletePlans extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    css`
      :host {
        display: block;
        margin-top: var(--ts-space-6);
      }
      h2 {
        font-size: 1.125rem;
        margin: var(--ts-space-5) 0 var(--ts-space-2);
      }
      ul {
        list-style: none;
        margin: 0 0 var(--ts-space-3);
        padding: 0;
        display: grid;
        gap: var(--ts-space-2);
      }
      li {
        overflow-wrap: anywhere;
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
      textarea {
        padding: var(--ts-space-2);
        min-height: 4rem;
      }
    `,
  ];

  @property() athleteId = '';

  readonly #query = new LocalQueryController(
    this,
    (engine, onChange: (d: AthleteSectionsData) => void) =>
      observeAthleteSections(engine, this.athleteId, deviceClock, onChange),
    { key: () => this.athleteId },
  );
  @state() private draft = { kind: 'coaching', coach: '', starts_on: '', ends_on: '', notes: '' };
  @state() private errors: Record<string, string> = {};
  @state() private message = '';
  @state() private error = '';

  override render() {
    const d = this.#query.value;
    if (!d || !d.staff) return nothing;
    return html`${this.renderPlans(d)} ${this.renderCoaches(d)}`;
  }

  private renderPlans(d: AthleteSectionsData) {
    return html`<section aria-labelledby="athlete-plans">
      <h2 id="athlete-plans">${t.athletePlans}</h2>
      ${
        d.plans.length === 0
          ? html`<p class="muted">${t.athletePlansNone}</p>`
          : html`<ul>
              ${d.plans.map(
                (p) =>
                  html`<li class="card">
                    <a href="/plans/${p.id}">${p.title}</a>
                    <span class="muted"
                      >${p.startDate ? ` · ${t.startsOn(p.startDate)}` : ''}
                      ${p.status === 'archived' ? ` · ${t.archived}` : ''}</span
                    >
                    ${
                      p.compliance
                        ? html`<div>${t.compliance}: ${complianceFigure(p.compliance)}</div>`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>`
      }
      <p><a href="/plans?athlete=${this.athleteId}">${t.openPlans}</a></p>
    </section>`;
  }

  private renderCoaches(d: AthleteSectionsData) {
    const e = this.errors;
    const draft = this.draft;
    return html`<section aria-labelledby="athlete-coaches">
      <h2 id="athlete-coaches">${c.title}</h2>
      <p class="muted">${c.hint}</p>
      ${d.refusals.map(
        (i) =>
          html`<ts-notice tone="error"
            ><p>${refusal(i.message)}</p>
            <p><a href="/sync">${c.openSync}</a></p></ts-notice
          >`,
      )}
      ${
        d.relationships.length === 0
          ? html`<p class="muted">${c.none}</p>`
          : html`<ul aria-label=${c.title}>
              ${d.relationships.map(
                (r) =>
                  html`<li class="card">
                    ${c.line(
                      d.names.get(r.coach_id) ?? '',
                      c.kindName(r.kind),
                      r.starts_on,
                      r.ends_on ?? '',
                    )}
                    ${r.notes ? html`<div class="muted">${r.notes}</div>` : nothing}
                    ${
                      r.status === 'ended'
                        ? html`<span class="muted">(${c.ended})</span>`
                        : d.admin || r.coach_id === d.userId
                          ? html`<button
                              class="link-button"
                              type="button"
                              @click=${() => this.end(r, d.today)}
                            >
                              ${c.end}
                            </button>`
                          : nothing
                    }
                  </li>`,
              )}
            </ul>`
      }
      <form novalidate @submit=${(ev: Event) => this.add(ev, d)}>
        ${
          d.admin
            ? html`<label
                >${c.coach}
                <select name="coach" @change=${this.onInput}>
                  ${d.coaches.map(
                    (m) =>
                      html`<option
                        value=${m.userId}
                        ?selected=${(draft.coach || d.userId) === m.userId}
                      >
                        ${m.name}
                      </option>`,
                  )}
                </select>
              </label>`
            : nothing
        }
        <label
          >${c.kind}
          <select name="kind" @change=${this.onInput}>
            ${COACH_ATHLETE_KINDS.map(
              (k) =>
                html`<option value=${k} ?selected=${k === draft.kind}>${c.kindName(k)}</option>`,
            )}
          </select>
        </label>
        ${this.dateInput('starts_on', c.startsOn, draft.starts_on || d.today)}
        ${this.dateInput('ends_on', c.endsOn, draft.ends_on)}
        <label
          >${c.notes}
          <textarea name="notes" .value=${draft.notes} @input=${this.onInput}></textarea>
          <p class="error" role="alert">${e['notes'] ?? ''}</p>
        </label>
        ${this.error ? html`<ts-notice tone="error"><p>${this.error}</p></ts-notice>` : nothing}
        <p role="status" class="muted">${this.message}</p>
        <div class="actions"><button class="button" type="submit">${c.add}</button></div>
      </form>
    </section>`;
  }

  private dateInput(name: 'starts_on' | 'ends_on', label: string, value: string) {
    const error = this.errors[name] ?? '';
    return html`<label
      >${label}
      <input
        name=${name}
        type="date"
        .value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        @input=${this.onInput}
      />
      <p class="error" role="alert">${error}</p>
    </label>`;
  }

  private onInput(e: Event): void {
    const target = e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    this.draft = { ...this.draft, [target.name]: target.value };
    this.message = '';
  }

  private async add(e: Event, d: AthleteSectionsData): Promise<void> {
    e.preventDefault();
    const engine = this.#query.engine;
    if (!engine || !d.orgId) return;
    const draft = this.draft;
    const parsed = coachAthleteFormSchema.safeParse({
      kind: draft.kind,
      starts_on: draft.starts_on || d.today,
      ends_on: draft.ends_on || null,
      notes: draft.notes,
    });
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error);
      return;
    }
    this.errors = {};
    this.error = '';
    try {
      const coach = d.admin ? draft.coach || d.userId : d.userId;
      await addCoachAthlete(engine, d.orgId, this.athleteId, coach, parsed.data);
      this.draft = { kind: 'coaching', coach: '', starts_on: '', ends_on: '', notes: '' };
      this.message = c.added;
    } catch (error) {
      this.error = describeError(error).message;
    }
  }

  private async end(row: AthleteSectionsData['relationships'][number], today: string) {
    const engine = this.#query.engine;
    if (!engine) return;
    try {
      await endCoachAthlete(engine, row, today);
    } catch (error) {
      this.error = describeError(error).message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'athlete-plans': AthletePlans;
  }
}
