import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  COMPETED_ON_MIN,
  COMPETITION_LEVELS,
  DISCIPLINES,
  SEXES,
  VENUES,
  TIMINGS,
  competitionResultMessages,
  competitionResultSchema,
  formatTime,
  isDiscipline,
  latestCompetitionDate,
  parseMeasure,
  parseTime,
  personalBestIds,
  sexSchema,
  type CompetitionLevel,
  type Discipline,
  type Sex,
  type Timing,
  type Venue,
} from '../../domain/competition-result.ts';
import { suggestRank, type Condition, type RankSuggestion } from '../../domain/rank-suggestion.ts';
import { epochDay } from '../../domain/zoned-time.ts';
import { describeError } from '../../data/describe-error.ts';
import type { CompetitionResultRow } from '../../data/synced-rows.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { translateDomainMessage } from '../../i18n/domain-messages.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { fieldErrors } from '../../ui/form-errors.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import {
  addResult,
  editResult,
  observeResults,
  removeResult,
  saveSex,
  type ResultsData,
} from './results-data.ts';
import { resultsStrings as t } from './results-strings.ts';

interface Draft {
  competed_on: string;
  competition: string;
  level: CompetitionLevel;
  discipline: Discipline;
  value: string;
  timing: Timing;
  venue: Venue;
  place: string;
  notes: string;
}

/** the device clock, at the edge: the domain takes it injected */
const deviceClock = { now: () => Date.now() };

/** the device's local date, YYYY-MM-DD */
function today(): string {
  return new Intl.DateTimeFormat('en-CA').format(deviceClock.now());
}

function emptyDraft(): Draft {
  return {
    competed_on: today(),
    competition: '',
    level: 'regional',
    discipline: '100m',
    value: '',
    timing: 'auto',
    venue: 'outdoor',
    place: '',
    notes: '',
  };
}

const dateFormat = new Intl.DateTimeFormat(currentIntlTag, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

function formatDate(date: string): string {
  return dateFormat.format(epochDay(date) * 86_400_000);
}

function disciplineLabel(code: string): string {
  return isDiscipline(code) ? t.disciplines[code] : code;
}

function formatValue(r: { result_kind: string; value: number }): string {
  if (r.result_kind === 'time') return formatTime(r.value);
  const unit = t.units[r.result_kind as 'distance' | 'height' | 'points'] ?? '';
  return `${r.result_kind === 'points' ? r.value : r.value.toFixed(2)} ${unit}`;
}

/**
 * An athlete's competition results, on the coach's athlete page and on the
 * athlete's own page: personal bests marked, each result with the rank it
 * suggests from the cited ЕВСК norms (never assigned), and — for those who may
 * write — adding and editing results offline.
 */
@customElement('athlete-results')
export class AthleteResults extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    css`
      :host {
        display: block;
        margin-top: var(--ts-space-4);
      }
      h2 {
        font-size: 1.125rem;
        margin: 0 0 var(--ts-space-2);
      }
      ul.results {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      /* rows of the section's card, not cards inside a card: the width goes to the text */
      ul.results > li {
        padding: var(--ts-space-3) 0;
        border-top: 1px solid var(--ts-color-border);
      }
      .headline {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: var(--ts-space-2);
      }
      .value {
        font-size: 1.25rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .pb {
        font-size: 0.8125rem;
        font-weight: 700;
        padding: 0 var(--ts-space-1);
        border-radius: 4px;
        background: var(--ts-color-accent-soft, #fff3c4);
      }
      .suggestion {
        margin-top: var(--ts-space-2);
        padding: var(--ts-space-2);
        border-left: 3px solid var(--ts-color-border);
      }
      .suggestion.meets {
        border-left-color: var(--ts-color-success, #2e7d32);
      }
      .suggestion p {
        margin: 0 0 var(--ts-space-1);
      }
      details {
        font-size: 0.8125rem;
        overflow-wrap: anywhere;
      }
      form {
        display: grid;
        gap: var(--ts-space-3);
      }
      label,
      fieldset {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
      }
      fieldset label {
        display: flex;
        gap: var(--ts-space-2);
        font-weight: 400;
        align-items: center;
      }
      .row-actions {
        display: flex;
        gap: var(--ts-space-2);
        margin-top: var(--ts-space-2);
      }
      .sex {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2);
        align-items: center;
        margin-bottom: var(--ts-space-3);
      }
    `,
  ];

  @property() athleteId = '';

  readonly #results = new LocalQueryController(
    this,
    (engine, onChange: (data: ResultsData) => void) =>
      observeResults(engine, this.athleteId, onChange),
    { key: () => this.athleteId },
  );
  /** null: no form open; '' a new result; otherwise the id edited */
  @state() private editing: string | null = null;
  @state() private draft: Draft = emptyDraft();
  @state() private errors: Record<string, string> = {};
  @state() private message = '';
  @state() private error = '';

  override render() {
    const data = this.#results.value;
    if (!data?.orgId) return nothing;
    const best = personalBestIds(data.results);
    return html`<section class="card" aria-labelledby="results-heading">
      <h2 id="results-heading">${t.title}</h2>
      <p class="muted">${t.suggestion.never}</p>
      ${data.canEditAthlete ? this.renderSex(data) : nothing}
      ${
        data.canWrite && this.editing === null
          ? html`<p>
              <button class="button" type="button" @click=${() => this.open(null)}>${t.add}</button>
            </p>`
          : nothing
      }
      ${this.editing === '' ? this.renderForm() : nothing}
      ${this.error ? html`<ts-notice tone="error"><p>${this.error}</p></ts-notice>` : nothing}
      <p role="status" class="muted">${this.message}</p>
      ${
        data.results.length === 0
          ? html`<p class="muted">${t.none}</p>`
          : html`<ul class="results">
              ${data.results.map((r) => this.renderResult(r, data, best.has(r.id)))}
            </ul>`
      }
    </section>`;
  }

  private renderSex(data: ResultsData) {
    return html`<label class="sex"
      >${t.sex.label}
      <select name="sex" @change=${this.onSex}>
        <option value="" ?selected=${data.sex === null}>${t.sex.unknown}</option>
        ${SEXES.map(
          (s) => html`<option value=${s} ?selected=${data.sex === s}>${t.sex[s]}</option>`,
        )}
      </select>
    </label>`;
  }

  private renderResult(r: CompetitionResultRow, data: ResultsData, best: boolean) {
    if (this.editing === r.id) return html`<li>${this.renderForm()}</li>`;
    const facts = [
      formatDate(r.competed_on),
      t.levels[r.level as CompetitionLevel] ?? r.level,
      t.venues[r.venue as Venue] ?? r.venue,
      r.timing ? t.timingShort[r.timing as Timing] : null,
      r.place ? t.place(r.place) : null,
    ].filter((f): f is string => f !== null);
    const suggestion = suggestRank(
      r,
      { sex: data.sex, birthDate: data.birthDate, currentRank: data.currentRank },
      data.norms,
    );
    return html`<li data-result=${r.id}>
      <div class="headline">
        <span class="value">${formatValue(r)}</span>
        <span>${disciplineLabel(r.discipline)}</span>
        ${best ? html`<span class="pb">${t.personalBest}</span>` : nothing}
      </div>
      <div>${r.competition}</div>
      <div class="muted">${facts.join(' · ')}</div>
      ${r.notes ? html`<div class="muted">${r.notes}</div>` : nothing}
      ${this.renderSuggestion(suggestion)}
      ${
        data.canWrite && this.editing === null
          ? html`<div class="row-actions">
              <button class="button secondary" type="button" @click=${() => this.open(r)}>
                ${t.edit}
              </button>
              <button class="button secondary" type="button" @click=${() => this.removeOne(r.id)}>
                ${t.remove}
              </button>
            </div>`
          : nothing
      }
    </li>`;
  }

  private renderSuggestion(s: RankSuggestion) {
    const st = t.suggestion;
    if (s.kind === 'cannot') {
      const why =
        s.reason === 'sex_unknown'
          ? st.sexUnknown
          : s.reason === 'no_norms_discipline'
            ? st.noDiscipline
            : s.reason === 'no_norms_variant'
              ? st.noVariant
              : st.noDate(
                  s.editions
                    .map((e) =>
                      st.span(
                        e.edition,
                        formatDate(e.validFrom),
                        e.validTo ? formatDate(e.validTo) : st.open,
                      ),
                    )
                    .join('; '),
                );
      return html`<div class="suggestion" data-suggestion="cannot">
        <p class="muted">${st.cannot} ${why}</p>
      </div>`;
    }
    if (s.kind === 'below') {
      return html`<div class="suggestion" data-suggestion="below">
        <p class="muted">
          ${st.below(t.rankOf[s.lowest as keyof typeof t.rankOf], formatTime(s.threshold))}
        </p>
        <details>
          <summary>${st.source}</summary>
          ${s.edition}. ${s.source}
        </details>
      </div>`;
    }
    const unmet = s.conditions.filter((c) => c.met !== true);
    const rank = t.rankOf[s.rank as keyof typeof t.rankOf];
    return html`<div class="suggestion meets" data-suggestion="meets">
      <p>
        <strong>${st.meets(rank)}</strong>;
        ${
          s.alreadyHeld
            ? st.held
            : unmet.length === 0
              ? st.allMet
              : st.needs(unmet.map((c) => this.describeCondition(c)).join(', '))
        }
      </p>
      <details>
        <summary>${st.source}</summary>
        ${s.edition}. ${s.source}
      </details>
    </div>`;
  }

  private describeCondition(c: Condition): string {
    const st = t.suggestion;
    if (c.kind === 'level') return st.competitions(t.levelsAtLeast[c.level]);
    if (c.kind === 'rank') return st.rank(t.rankHeld[c.rank as keyof typeof t.rankHeld]);
    return c.met === null ? st.ageUnknown(c.minAge) : st.age(c.minAge);
  }

  private renderForm() {
    const d = this.draft;
    const kind = DISCIPLINES[d.discipline];
    return html`<form novalidate @submit=${this.save} aria-label=${t.add}>
      ${this.renderField(
        'competed_on',
        t.fields.competedOn,
        html`<input
          name="competed_on"
          type="date"
          min=${COMPETED_ON_MIN}
          max=${latestCompetitionDate(deviceClock)}
          .value=${d.competed_on}
          @input=${this.onInput}
        />`,
      )}
      ${this.renderField(
        'competition',
        t.fields.competition,
        html`<input
          name="competition"
          autocomplete="off"
          .value=${d.competition}
          @input=${this.onInput}
        />`,
      )}
      ${this.renderField(
        'level',
        t.fields.level,
        html`<select name="level" @change=${this.onInput}>
          ${COMPETITION_LEVELS.map(
            (l) => html`<option value=${l} ?selected=${d.level === l}>${t.levels[l]}</option>`,
          )}
        </select>`,
      )}
      ${this.renderField(
        'discipline',
        t.fields.discipline,
        html`<select name="discipline" @change=${this.onInput}>
          ${(Object.keys(DISCIPLINES) as Discipline[]).map(
            (c) =>
              html`<option value=${c} ?selected=${d.discipline === c}>${t.disciplines[c]}</option>`,
          )}
        </select>`,
      )}
      ${this.renderField(
        'value',
        t.fields.value,
        html`<input
          name="value"
          inputmode="decimal"
          autocomplete="off"
          aria-describedby="result-value-hint result-value-error"
          .value=${d.value}
          @input=${this.onInput}
        />`,
        t.valueHint[kind],
      )}
      ${
        kind === 'time'
          ? html`<fieldset aria-describedby="result-timing-error">
              <legend>${t.fields.timing}</legend>
              ${TIMINGS.map(
                (v) =>
                  html`<label
                    ><input
                      type="radio"
                      name="timing"
                      value=${v}
                      .checked=${d.timing === v}
                      @change=${this.onInput}
                    />${t.timings[v]}</label
                  >`,
              )}
              <p class="error" id="result-timing-error" role="alert">
                ${this.errors['timing'] ?? ''}
              </p>
            </fieldset>`
          : nothing
      }
      <fieldset aria-describedby="result-venue-error">
        <legend>${t.fields.venue}</legend>
        ${VENUES.map(
          (v) =>
            html`<label
              ><input
                type="radio"
                name="venue"
                value=${v}
                .checked=${d.venue === v}
                @change=${this.onInput}
              />${t.venues[v]}</label
            >`,
        )}
        <p class="error" id="result-venue-error" role="alert">${this.errors['venue'] ?? ''}</p>
      </fieldset>
      ${this.renderField(
        'place',
        t.fields.place,
        html`<input
          name="place"
          inputmode="numeric"
          autocomplete="off"
          .value=${d.place}
          @input=${this.onInput}
        />`,
      )}
      ${this.renderField(
        'notes',
        t.fields.notes,
        html`<textarea name="notes" rows="2" .value=${d.notes} @input=${this.onInput}></textarea>`,
      )}
      <div class="actions">
        <button class="button" type="submit">${t.save}</button>
        <button class="button secondary" type="button" @click=${this.close}>${t.cancel}</button>
      </div>
    </form>`;
  }

  private renderField(name: string, label: string, control: unknown, hint?: string) {
    const error = this.errors[name] ?? '';
    return html`<label
      >${label} ${hint ? html`<span class="hint" id="result-${name}-hint">${hint}</span>` : nothing}
      ${control}
      <p class="error" id="result-${name}-error" role="alert">${error}</p>
    </label>`;
  }

  private open(r: CompetitionResultRow | null): void {
    this.message = '';
    this.error = '';
    this.errors = {};
    if (r === null) {
      this.draft = emptyDraft();
      this.editing = '';
      return;
    }
    this.draft = {
      competed_on: r.competed_on,
      competition: r.competition,
      level: (COMPETITION_LEVELS as readonly string[]).includes(r.level)
        ? (r.level as CompetitionLevel)
        : 'regional',
      discipline: isDiscipline(r.discipline) ? r.discipline : '100m',
      value: r.result_kind === 'time' ? formatTime(r.value) : String(r.value),
      timing: r.timing === 'hand' ? 'hand' : 'auto',
      venue: r.venue === 'indoor' ? 'indoor' : 'outdoor',
      place: r.place === null ? '' : String(r.place),
      notes: r.notes,
    };
    this.editing = r.id;
  }

  private close(): void {
    this.editing = null;
    this.errors = {};
  }

  private onInput(e: Event): void {
    const target = e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    this.draft = { ...this.draft, [target.name]: target.value };
    this.message = '';
    if (this.errors[target.name]) {
      this.errors = Object.fromEntries(
        Object.entries(this.errors).filter(([k]) => k !== target.name),
      );
    }
  }

  private async onSex(e: Event): Promise<void> {
    const engine = this.#results.engine;
    if (!engine) return;
    const raw = (e.target as HTMLSelectElement).value;
    const parsed = sexSchema.safeParse(raw === '' ? null : (raw as Sex));
    if (!parsed.success) return;
    try {
      await saveSex(engine, this.athleteId, parsed.data);
      this.message = t.sex.saved;
    } catch (error) {
      this.error = describeError(error).message;
    }
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const engine = this.#results.engine;
    const orgId = this.#results.value?.orgId;
    if (!engine || !orgId || this.editing === null) return;
    this.error = '';
    const d = this.draft;
    const kind = DISCIPLINES[d.discipline];
    const value = kind === 'time' ? parseTime(d.value) : parseMeasure(d.value);
    const place = d.place.trim() === '' ? null : Number(d.place.trim());
    const parsed = competitionResultSchema(deviceClock).safeParse({
      competed_on: d.competed_on,
      competition: d.competition.trim(),
      level: d.level,
      discipline: d.discipline,
      result_kind: kind,
      value: value ?? Number.NaN,
      timing: kind === 'time' ? d.timing : null,
      venue: d.venue,
      place,
      notes: d.notes.trim(),
    });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      if (errors['value'] && kind === 'time' && value === null) {
        errors['value'] = translateDomainMessage(competitionResultMessages.timeFormat);
      }
      this.errors = errors;
      const first = Object.keys(this.errors)[0];
      this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    this.errors = {};
    try {
      if (this.editing === '') {
        await addResult(engine, this.athleteId, orgId, parsed.data);
      } else {
        await editResult(engine, this.editing, parsed.data);
      }
      this.editing = null;
      this.message = t.saved;
    } catch (error) {
      this.error = describeError(error).message;
    }
  }

  private async removeOne(id: string): Promise<void> {
    const engine = this.#results.engine;
    if (!engine) return;
    try {
      await removeResult(engine, id);
      this.message = t.removed;
    } catch (error) {
      this.error = describeError(error).message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'athlete-results': AthleteResults;
  }
}
