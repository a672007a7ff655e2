import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Locale } from '../domain/locale.ts';
import {
  WEEKDAYS,
  addScheduleEntry,
  isSelfRegistration,
  removeScheduleEntry,
  scheduleChips,
  toggleSelfRegistration,
  weekdayName,
  type ScheduleEdit,
  type Weekday,
} from '../domain/schedule.ts';
import { sharedStyles } from './shared-styles.ts';

/** the schedule the user built with the picker, or why it could not be built */
export class ScheduleEditEvent extends Event {
  constructor(readonly edit: ScheduleEdit) {
    super('schedule-edit', { bubbles: true, composed: true });
  }
}

/**
 * @summary Builds a weekly schedule without typing: a day and a time to add,
 * the current entries as removable chips, and the Самозапись switch. It never
 * holds the value itself — the page owns it and passes it back down (as typed,
 * in either language; what it emits is the stored form). It remembers only the
 * times Самозапись replaced, to give them back when the switch is turned off.
 *
 * @fires schedule-edit - `ScheduleEditEvent` with the new value or the reason it was refused
 */
@customElement('ts-schedule-picker')
export class TsSchedulePicker extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      fieldset {
        border: 1px solid var(--ts-color-border);
        border-radius: var(--ts-radius);
        padding: var(--ts-space-3);
        margin: 0;
        display: grid;
        gap: var(--ts-space-3);
      }
      legend {
        font-weight: 600;
        padding: 0 var(--ts-space-1);
      }
      .add {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2);
        align-items: end;
      }
      label {
        display: grid;
        gap: var(--ts-space-1);
        font-size: 0.9375rem;
      }
      select,
      input[type='time'] {
        font: inherit;
        font-weight: 400;
        min-height: 44px;
        padding: 0 var(--ts-space-2);
        border: 1px solid var(--ts-color-border-strong);
        border-radius: var(--ts-radius);
        background: var(--ts-color-surface);
        color: inherit;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2);
      }
      .chip {
        display: inline-flex;
        align-items: center;
        gap: var(--ts-space-1);
        min-height: 44px;
        padding: 0 var(--ts-space-1) 0 var(--ts-space-3);
        border: 1px solid var(--ts-color-border-strong);
        border-radius: 999px;
        background: var(--ts-color-brand-soft);
        color: var(--ts-color-brand-strong);
        font: inherit;
        cursor: pointer;
      }
      .chip span[aria-hidden] {
        display: inline-grid;
        place-items: center;
        width: 32px;
        height: 32px;
      }
      .self {
        display: flex;
        align-items: center;
        gap: var(--ts-space-2);
        min-height: 44px;
      }
      .self input {
        width: 22px;
        height: 22px;
      }
    `,
  ];

  /** the schedule as stored or typed ("Пн 18:00, Ср 19:00", "Mon 18:00", "Самозапись" or empty) */
  @property() value = '';
  /** the language of the day names shown; the value emitted is always the stored form */
  @property() locale: Locale = 'ru';
  @property() legend = '';
  @property({ attribute: 'day-label' }) dayLabel = '';
  @property({ attribute: 'time-label' }) timeLabel = '';
  @property({ attribute: 'add-label' }) addLabel = '';
  @property({ attribute: 'self-label' }) selfLabel = '';
  /** accessible name of a chip's remove button; `{entry}` is replaced by the entry */
  @property({ attribute: 'remove-label' }) removeLabel = '{entry}';

  @state() private day: Weekday = 'Пн';
  @state() private time = '18:00';
  /** the times Самозапись replaced (as they were), until it is turned off again */
  #beforeSelf: string | null = null;

  override render() {
    const self = isSelfRegistration(this.value.trim() || null);
    const chips = scheduleChips(this.value.trim() || null, this.locale);
    return html`<fieldset>
      <legend>${this.legend}</legend>
      <div class="add">
        <label
          >${this.dayLabel}
          <select
            @change=${(e: Event) => (this.day = (e.target as HTMLSelectElement).value as Weekday)}
          >
            ${WEEKDAYS.map(
              (d) =>
                html`<option value=${d} ?selected=${d === this.day}>
                  ${weekdayName(d, this.locale)}
                </option>`,
            )}
          </select>
        </label>
        <label
          >${this.timeLabel}
          <input
            type="time"
            step="300"
            .value=${this.time}
            @change=${(e: Event) => (this.time = (e.target as HTMLInputElement).value)}
          />
        </label>
        <button class="button secondary" type="button" @click=${this.add}>${this.addLabel}</button>
      </div>
      ${
        chips.length
          ? html`<ul>
              ${chips.map(
                (entry) =>
                  html`<li>
                    <button
                      class="chip"
                      type="button"
                      aria-label=${this.removeLabel.replace('{entry}', entry)}
                      @click=${() => this.emit(removeScheduleEntry(this.value.trim() || null, entry))}
                    >
                      🕐 ${entry} <span aria-hidden="true">✕</span>
                    </button>
                  </li>`,
              )}
            </ul>`
          : ''
      }
      <label class="self">
        <input
          type="checkbox"
          .checked=${self}
          @change=${(e: Event) => this.toggleSelf((e.target as HTMLInputElement).checked)}
        />
        📝 ${this.selfLabel}
      </label>
    </fieldset>`;
  }

  private add(): void {
    const m = /^([01][0-9]|2[0-3]):([0-5][0-9])/.exec(this.time);
    if (!m) return;
    const edit = addScheduleEntry(this.value.trim() || null, {
      day: this.day,
      hour: Number(m[1]),
      minute: Number(m[2]),
    });
    this.emit(edit);
  }

  private toggleSelf(on: boolean): void {
    const next = toggleSelfRegistration(this.value.trim() || null, on, this.#beforeSelf);
    this.#beforeSelf = next.remembered;
    this.emit({ ok: true, value: next.value });
  }

  private emit(edit: ScheduleEdit): void {
    this.dispatchEvent(new ScheduleEditEvent(edit));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ts-schedule-picker': TsSchedulePicker;
  }
  interface HTMLElementEventMap {
    'schedule-edit': ScheduleEditEvent;
  }
}
