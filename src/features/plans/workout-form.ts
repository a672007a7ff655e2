import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  INTENSITIES,
  WORKOUT_TYPES,
  formatPace,
  parsePace,
  workoutFieldsSchema,
  type WorkoutFields,
} from '../../domain/training-plan.ts';
import { fieldErrors } from '../../ui/form-errors.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { plansStrings as t } from './plans-strings.ts';

interface Draft {
  type: string;
  title: string;
  duration: string;
  distance: string;
  intensity: string;
  value: string;
  notes: string;
}

/** the workout the form saves, for the page to write */
export class WorkoutSaveEvent extends Event {
  constructor(readonly fields: WorkoutFields) {
    super('workout-save', { bubbles: true, composed: true });
  }
}

function intOrNull(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/** what the draft's one intensity value means for each intensity column */
function intensityValues(intensity: string, value: string) {
  const pace = intensity === 'pace' ? (parsePace(value) ?? Number.NaN) : null;
  return {
    pace_s_per_km: pace,
    hr_zone: intensity === 'hr_zone' ? intOrNull(value) : null,
    rpe: intensity === 'rpe' ? intOrNull(value) : null,
  };
}

/**
 * One workout's fields: type, an optional title, duration and/or distance, an
 * intensity (pace as mm:ss per km, a heart-rate zone or RPE) and notes, checked
 * with the schema the database agrees with. Fires `workout-save` or `cancel`.
 */
@customElement('workout-form')
export class WorkoutForm extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    css`
      form {
        display: grid;
        gap: var(--ts-space-3);
        padding: var(--ts-space-3);
        border: 1px solid var(--ts-color-border-strong);
        border-radius: 8px;
        margin-top: var(--ts-space-2);
      }
      label {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
      .pair {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: var(--ts-space-2);
      }
      textarea {
        padding: var(--ts-space-2);
        min-height: 4rem;
      }
    `,
  ];

  @property({ attribute: false }) workout: WorkoutFields | null = null;
  @property({ type: Number }) week = 1;
  @property({ type: Number }) day = 1;
  @property({ type: Number }) position = 0;
  @state() private draft: Draft = {
    type: 'run',
    title: '',
    duration: '',
    distance: '',
    intensity: '',
    value: '',
    notes: '',
  };
  @state() private errors: Record<string, string> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    const w = this.workout;
    if (!w) return;
    this.draft = {
      type: w.type,
      title: w.title,
      duration: w.duration_min?.toString() ?? '',
      distance: w.distance_m?.toString() ?? '',
      intensity: w.intensity ?? '',
      value:
        w.intensity === 'pace' && w.pace_s_per_km !== null
          ? formatPace(w.pace_s_per_km)
          : String(w.hr_zone ?? w.rpe ?? ''),
      notes: w.notes,
    };
  }

  override render() {
    const d = this.draft;
    const valueLabel =
      d.intensity === 'pace' ? t.pace : d.intensity === 'hr_zone' ? t.hrZone : t.rpe;
    const valueField =
      d.intensity === 'pace' ? 'pace_s_per_km' : d.intensity === 'hr_zone' ? 'hr_zone' : 'rpe';
    return html`<form novalidate @submit=${this.save}>
      <label
        >${t.type}
        <select name="type" @change=${this.onInput}>
          ${WORKOUT_TYPES.map(
            (k) => html`<option value=${k} ?selected=${k === d.type}>${t.typeName(k)}</option>`,
          )}
        </select>
      </label>
      ${this.input('title', t.workoutTitle, d.title, 'title')}
      <div class="pair">
        ${this.input('duration', t.duration, d.duration, 'duration_min', 'numeric')}
        ${this.input('distance', t.distance, d.distance, 'distance_m', 'numeric')}
      </div>
      <div class="pair">
        <label
          >${t.intensity}
          <select name="intensity" @change=${this.onInput}>
            ${['', ...INTENSITIES].map(
              (k) =>
                html`<option value=${k} ?selected=${k === d.intensity}>
                  ${t.intensityName(k)}
                </option>`,
            )}
          </select>
        </label>
        ${
          d.intensity
            ? this.input(
                'value',
                valueLabel,
                d.value,
                valueField,
                d.intensity === 'pace' ? 'text' : 'numeric',
              )
            : nothing
        }
      </div>
      <label
        >${t.notes}
        <textarea
          name="notes"
          .value=${d.notes}
          aria-invalid=${this.errors['notes'] ? 'true' : 'false'}
          @input=${this.onInput}
        ></textarea>
        <p class="error" role="alert">${this.errors['notes'] ?? ''}</p>
      </label>
      <div class="actions">
        <button class="button" type="submit">${t.saveWorkout}</button>
        <button
          class="button secondary"
          type="button"
          @click=${() => this.dispatchEvent(new Event('cancel'))}
        >
          ${t.cancel}
        </button>
      </div>
    </form>`;
  }

  private input(
    name: keyof Draft,
    label: string,
    value: string,
    errorKey: string,
    mode: 'text' | 'numeric' = 'text',
  ) {
    const error = this.errors[errorKey] ?? '';
    return html`<label
      >${label}
      <input
        name=${name}
        inputmode=${mode}
        autocomplete="off"
        placeholder=${name === 'value' && this.draft.intensity === 'pace' ? t.paceHint : ''}
        .value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        @input=${this.onInput}
      />
      <p class="error" role="alert">${error}</p>
    </label>`;
  }

  private onInput(e: Event): void {
    const target = e.target as HTMLInputElement | HTMLSelectElement;
    this.draft = { ...this.draft, [target.name]: target.value };
  }

  private save(e: Event): void {
    e.preventDefault();
    const d = this.draft;
    const parsed = workoutFieldsSchema.safeParse({
      week: this.week,
      day: this.day,
      position: this.position,
      type: d.type,
      title: d.title.trim(),
      duration_min: intOrNull(d.duration),
      distance_m: intOrNull(d.distance),
      intensity: d.intensity || null,
      ...intensityValues(d.intensity, d.value),
      notes: d.notes,
    });
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error);
      return;
    }
    this.errors = {};
    this.dispatchEvent(new WorkoutSaveEvent(parsed.data));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'workout-form': WorkoutForm;
  }
}
