import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { z } from 'zod';
import {
  coachSettingsFormSchema,
  formatDuration,
  knownZones,
  timeRangeFormSchema,
  weeklyWindowFormSchema,
} from '../../domain/availability-form.ts';
import {
  formatLocalTime,
  isValidZone,
  parseLocalTime,
  toInstant,
} from '../../domain/zoned-time.ts';
import { CurrentOrganizationController } from '../../state/current-organization-controller.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { describeError } from '../../data/describe-error.ts';
import { bookingStrings } from './booking-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import {
  instant,
  observeBookingData,
  rangeRows,
  settingsOf,
  staffOrgs,
  timeMinutes,
  weeklyRows,
  type AvailabilityRange,
  type BookingData,
} from './booking-data.ts';
import { formatDateTime } from '../../ui/time-format.ts';
import { bookingStyles } from './booking-styles.ts';
import { fieldErrors } from '../../ui/form-errors.ts';

const t = bookingStrings.availability;

type Draft = Record<string, string>;
type FormName = 'settings' | 'window' | 'blocked' | 'addition';

/** Monday first, as coaches read a week */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

const emptyWindow: Draft = { weekday: '1', start_time: '16:00', end_time: '20:00', room: '' };
const emptyRange: Draft = {
  from_date: '',
  from_time: '',
  to_date: '',
  to_time: '',
  reason: '',
  room: '',
};

/** a stored number as the form shows it: none is an empty field */
function digits(value: number | null | undefined): string {
  return value == null ? '' : String(value);
}

/** stored minutes as the form shows them (hours:minutes); none is an empty field */
function hoursMinutes(value: number | null | undefined): string {
  return value == null ? '' : formatDuration(value);
}

/** the picker's zones with their offset now, e.g. «Europe/Moscow» → «UTC+03:00», once */
let zoneOptions: { zone: string; offset: string }[] | undefined;
function zoneList(): { zone: string; offset: string }[] {
  zoneOptions ??= knownZones().map((zone) => {
    const name =
      new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
        .formatToParts(new Date())
        .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    return { zone, offset: name === 'GMT' ? 'UTC+00:00' : name.replace('GMT', 'UTC') };
  });
  return zoneOptions;
}

/**
 * The coach's booking rules: settings (length, breaks, notice, step, horizon,
 * cancellation window, time zone), weekly windows, unavailable time and extra
 * time. Every change is a local edit through the sync engine, so it works
 * offline and shows as pending until the server has it; the form checks what the
 * database's constraints check, with the message next to the field.
 */
type AvailabilityTable = 'weekly_availability' | 'blocked_slots' | 'availability_additions';

@customElement('availability-page')
export class AvailabilityPage extends LitElement {
  static override styles = [
    sharedStyles,
    bookingStyles,
    css`
      .forms > * + * {
        margin-top: var(--ts-space-3);
      }
    `,
  ];

  readonly #query = new LocalQueryController(this, observeBookingData, {
    onChange: () => {
      if (!this.#settingsDirty) this.fillSettings();
    },
  });
  readonly #organization = new CurrentOrganizationController(this);
  /** the club picked in this page's own select, if any */
  @state() private chosenOrg = '';
  /** the club whose settings the form was last filled from */
  #filledFor = '';
  @state() private drafts: Record<FormName, Draft> = {
    settings: {},
    window: emptyWindow,
    blocked: emptyRange,
    addition: emptyRange,
  };
  @state() private individual = true;
  @state() private group = false;
  @state() private errors: Record<FormName, Record<string, string>> = {
    settings: {},
    window: {},
    blocked: {},
    addition: {},
  };
  @state() private messages: Record<FormName, string> = {
    settings: '',
    window: '',
    blocked: '',
    addition: '',
  };
  @state() private failure = '';
  /** the settings form follows the stored row until the coach types */
  #settingsDirty = false;

  override render() {
    const data = this.#query.value;
    if (!data) return html`<p class="muted" role="status">…</p>`;
    const orgs = staffOrgs(data);
    if (orgs.length === 0) {
      return html`<h1>${t.title}</h1>
        <p>${t.notCoach}</p>
        <p><a class="button secondary" href="/">${bookingStrings.back}</a></p>`;
    }
    const zone = this.zone();
    return html`
      <h1>${t.title}</h1>
      <p class="muted">${t.intro}</p>
      ${
        orgs.length > 1
          ? html`<label
              >${bookingStrings.organization}
              <select @change=${this.onOrg}>
                ${orgs.map(
                  (o) =>
                    html`<option value=${o.id} ?selected=${o.id === this.orgId}>${o.name}</option>`,
                )}
              </select></label
            >`
          : nothing
      }
      ${this.failure ? html`<ts-notice tone="error"><p>${this.failure}</p></ts-notice>` : nothing}
      ${this.renderSettings(data)}
      <section aria-labelledby="weekly">
        <h2 id="weekly">${t.weekly}</h2>
        <p class="muted">${t.inZone(zone)}</p>
        ${this.renderWindows(data)} ${this.renderWindowForm()}
      </section>
      <section aria-labelledby="blocked">
        <h2 id="blocked">${t.blocked}</h2>
        <p class="muted">${t.blockedHint} ${t.inZone(zone)}</p>
        ${this.renderRanges('blocked', rangeRows(data.blocked, this.orgId, data.userId), t.noBlocked)}
        ${this.renderRangeForm('blocked', t.addBlocked)}
      </section>
      <section aria-labelledby="additions">
        <h2 id="additions">${t.additions}</h2>
        <p class="muted">${t.additionsHint} ${t.inZone(zone)}</p>
        ${this.renderRanges('addition', rangeRows(data.additions, this.orgId, data.userId), t.noAdditions)}
        ${this.renderRangeForm('addition', t.addAddition)}
      </section>
    `;
  }

  // settings ---------------------------------------------------------------------

  private renderSettings(data: BookingData) {
    const stored = settingsOf(data, this.orgId, data.userId);
    return html`<section aria-labelledby="settings">
      <h2 id="settings">${t.settings}</h2>
      ${stored ? nothing : html`<ts-notice><p>${t.noSettings}</p></ts-notice>`}
      <form novalidate @submit=${this.saveSettings}>
        ${this.input('settings', 'time_zone', t.timeZone, {
          hint: t.timeZoneHint,
          list: 'zones',
        })}
        <datalist id="zones">
          ${zoneList().map((z) => html`<option value=${z.zone}>${z.offset}</option>`)}
        </datalist>
        <p class="muted" id="durations-hint">${t.durationHint}</p>
        <div class="row">
          ${this.input('settings', 'default_duration_minutes', t.duration, {
            duration: true,
          })}
          ${this.input('settings', 'slot_interval_minutes', t.interval, {
            duration: true,
            hint: t.intervalHint,
          })}
          ${this.input('settings', 'buffer_before_minutes', t.bufferBefore, {
            duration: true,
          })}
          ${this.input('settings', 'buffer_after_minutes', t.bufferAfter, {
            duration: true,
          })}
          ${this.input('settings', 'minimum_notice_minutes', t.notice, {
            duration: true,
          })}
          ${this.input('settings', 'booking_horizon_days', t.horizon, { numeric: true })}
          ${this.input('settings', 'cancellation_window_minutes', t.cancellation, {
            duration: true,
          })}
          ${this.input('settings', 'default_room', t.room)}
        </div>
        <p role="status" class="muted">${this.messages.settings}</p>
        <div class="actions"><button class="button" type="submit">${t.saveSettings}</button></div>
      </form>
    </section>`;
  }

  /**
   * The club these hours are for: the one picked here, else the app's current
   * club (the switcher's), else the first where the user coaches.
   */
  private get orgId(): string {
    const data = this.#query.value;
    const orgs = data ? staffOrgs(data) : [];
    const coaches = (id: string | null): id is string => orgs.some((o) => o.id === id);
    if (coaches(this.chosenOrg)) return this.chosenOrg;
    const current = this.#organization.currentId;
    if (coaches(current)) return current;
    return orgs[0]?.id ?? '';
  }

  override willUpdate(): void {
    // another club on screen (the switcher loaded, or a pick): its stored settings
    if (this.orgId !== this.#filledFor && !this.#settingsDirty) this.fillSettings();
  }

  private fillSettings(): void {
    const data = this.#query.value;
    if (!data) return;
    this.#filledFor = this.orgId;
    const s = settingsOf(data, this.orgId, data.userId);
    const orgZone = data.orgs.get(this.orgId)?.timeZone ?? 'Europe/Moscow';
    this.drafts = {
      ...this.drafts,
      settings: {
        time_zone: s?.time_zone || orgZone,
        default_duration_minutes: hoursMinutes(s?.default_duration_minutes) || '1:00',
        buffer_before_minutes: hoursMinutes(s?.buffer_before_minutes) || '0:00',
        buffer_after_minutes: hoursMinutes(s?.buffer_after_minutes) || '0:00',
        minimum_notice_minutes: hoursMinutes(s?.minimum_notice_minutes) || (s ? '0:00' : '2:00'),
        slot_interval_minutes: hoursMinutes(s?.slot_interval_minutes),
        booking_horizon_days: digits(s?.booking_horizon_days) || '60',
        cancellation_window_minutes:
          hoursMinutes(s?.cancellation_window_minutes) || (s ? '0:00' : '12:00'),
        default_room: s?.default_room ?? '',
      },
    };
  }

  private async saveSettings(e: Event): Promise<void> {
    e.preventDefault();
    const parsed = this.parse('settings', coachSettingsFormSchema, this.drafts.settings);
    const data = this.#query.value;
    const engine = this.#query.engine;
    if (!parsed || !data || !engine) return;
    const stored = settingsOf(data, this.orgId, data.userId);
    await this.write('settings', t.settingsSaved, () =>
      stored
        ? engine.change({ table: 'coach_settings', op: 'update', id: stored.id, patch: parsed })
        : engine.change({
            table: 'coach_settings',
            op: 'insert',
            row: { id: crypto.randomUUID(), org_id: this.orgId, coach_id: data.userId, ...parsed },
          }),
    );
    this.#settingsDirty = false;
  }

  // weekly windows ------------------------------------------------------------------

  private renderWindows(data: BookingData) {
    const rows = weeklyRows(data, this.orgId, data.userId);
    if (rows.length === 0) return html`<p class="muted">${t.noWindows}</p>`;
    return html`<ul class="items" aria-label=${t.weekly}>
      ${rows.map((w) => {
        const label = t.windowLabel(
          bookingStrings.weekday(w.weekday),
          formatLocalTime(timeMinutes(w.start_time)),
          formatLocalTime(timeMinutes(w.end_time)),
        );
        return html`<li class="card">
          <span class="what">
            <strong>${label}</strong>
            <span>
              ${w.is_individual ? html`<span class="tag">${t.individual}</span>` : nothing}
              ${w.is_group ? html`<span class="tag">${t.group}</span>` : nothing}
              ${w.room ? html`<span class="muted">${w.room}</span>` : nothing}
            </span>
          </span>
          ${this.removeButton('weekly_availability', w, label)}
        </li>`;
      })}
    </ul>`;
  }

  private renderWindowForm() {
    const d = this.drafts.window;
    return html`<form novalidate @submit=${this.addWindow}>
      <fieldset class="form">
        <legend>${t.addWindow}</legend>
        <label
          >${t.day}
          <select name="weekday" @change=${(e: Event) => this.onInput('window', e)}>
            ${WEEK.map(
              (n) =>
                html`<option value=${n} ?selected=${String(n) === d['weekday']}>
                  ${bookingStrings.weekday(n)}
                </option>`,
            )}
          </select>
        </label>
        <div class="row">
          ${this.input('window', 'start_time', t.start, { type: 'time' })}
          ${this.input('window', 'end_time', t.end, { type: 'time', hint: t.endHint })}
        </div>
        <div class="checks">
          <label class="check"
            ><input
              type="checkbox"
              .checked=${this.individual}
              @change=${(e: Event) => (this.individual = (e.target as HTMLInputElement).checked)}
            />${t.individual}</label
          >
          <label class="check"
            ><input
              type="checkbox"
              .checked=${this.group}
              @change=${(e: Event) => (this.group = (e.target as HTMLInputElement).checked)}
            />${t.group}</label
          >
        </div>
        ${this.input('window', 'room', t.windowRoom)}
        <p role="status" class="muted">${this.messages.window}</p>
        <div class="actions"><button class="button" type="submit">${t.addWindow}</button></div>
      </fieldset>
    </form>`;
  }

  private async addWindow(e: Event): Promise<void> {
    e.preventDefault();
    const d = this.drafts.window;
    // a time input cannot say 24:00; 00:00 as an end means midnight
    const end = d['end_time'] === '00:00' ? '24:00' : (d['end_time'] ?? '');
    const parsed = this.parse('window', weeklyWindowFormSchema, {
      ...d,
      end_time: end,
      is_individual: this.individual,
      is_group: this.group,
    });
    const data = this.#query.value;
    const engine = this.#query.engine;
    if (!parsed || !data || !engine) return;
    await this.write('window', t.added, () =>
      engine.change({
        table: 'weekly_availability',
        op: 'insert',
        row: {
          id: crypto.randomUUID(),
          org_id: this.orgId,
          coach_id: data.userId,
          ...parsed,
          start_time: formatLocalTime(parseLocalTime(parsed.start_time.trim())),
          end_time: formatLocalTime(parseLocalTime(parsed.end_time.trim())),
        },
      }),
    );
  }

  // blocked time and extra time ---------------------------------------------------------

  private renderRanges(form: 'blocked' | 'addition', rows: AvailabilityRange[], empty: string) {
    const now = Date.now();
    const shown = rows.filter((r) => instant(r.ends_at) > now);
    if (shown.length === 0) return html`<p class="muted">${empty}</p>`;
    const zone = this.zone();
    const title = form === 'blocked' ? t.blocked : t.additions;
    return html`<ul class="items" aria-label=${title}>
      ${shown.map((r) => {
        const label = `${formatDateTime(instant(r.starts_at), zone)} — ${formatDateTime(instant(r.ends_at), zone)}`;
        return html`<li class="card">
          <span class="what">
            <strong>${label}</strong>
            ${r.reason ? html`<span class="muted">${r.reason}</span>` : nothing}
            ${'room' in r && r.room ? html`<span class="muted">${r.room}</span>` : nothing}
          </span>
          ${this.removeButton(form === 'blocked' ? 'blocked_slots' : 'availability_additions', r, label)}
        </li>`;
      })}
    </ul>`;
  }

  private renderRangeForm(form: 'blocked' | 'addition', legend: string) {
    return html`<form novalidate @submit=${(e: Event) => this.addRange(e, form)}>
      <fieldset class="form">
        <legend>${legend}</legend>
        <div class="row">
          ${this.input(form, 'from_date', t.fromDate, { type: 'date' })}
          ${this.input(form, 'from_time', t.fromTime, { type: 'time' })}
        </div>
        <div class="row">
          ${this.input(form, 'to_date', t.toDate, { type: 'date' })}
          ${this.input(form, 'to_time', t.toTime, { type: 'time' })}
        </div>
        ${this.input(form, 'reason', t.reason)}
        ${form === 'addition' ? this.input(form, 'room', t.windowRoom) : nothing}
        <p role="status" class="muted">${this.messages[form]}</p>
        <div class="actions"><button class="button" type="submit">${legend}</button></div>
      </fieldset>
    </form>`;
  }

  private async addRange(e: Event, form: 'blocked' | 'addition'): Promise<void> {
    e.preventDefault();
    const d = this.drafts[form];
    const zone = this.zone();
    const at = (date: string | undefined, time: string | undefined): number => {
      try {
        return toInstant(zone, date ?? '', parseLocalTime(time || '00:00'));
      } catch {
        return Number.NaN;
      }
    };
    const parsed = this.parse(form, timeRangeFormSchema, {
      starts_at: at(d['from_date'], d['from_time']),
      ends_at: at(d['to_date'], d['to_time']),
      reason: d['reason'] ?? '',
      room: d['room'] ?? '',
    });
    const data = this.#query.value;
    const engine = this.#query.engine;
    if (!parsed || !data || !engine) return;
    const row = {
      id: crypto.randomUUID(),
      org_id: this.orgId,
      coach_id: data.userId,
      starts_at: new Date(parsed.starts_at).toISOString(),
      ends_at: new Date(parsed.ends_at).toISOString(),
      reason: parsed.reason,
      ...(form === 'addition' ? { room: parsed.room } : {}),
    };
    await this.write(form, t.added, () =>
      engine.change({
        table: form === 'blocked' ? 'blocked_slots' : 'availability_additions',
        op: 'insert',
        row,
      }),
    );
  }

  // shared --------------------------------------------------------------------------

  private removeButton(
    table: AvailabilityTable,
    row: { id: string },
    label: string,
  ): TemplateResult {
    return html`<button
      class="button secondary"
      type="button"
      aria-label=${t.removeLabel(label)}
      @click=${() => this.removeRow(table, row.id)}
    >
      ${t.remove}
    </button>`;
  }

  private async removeRow(table: AvailabilityTable, id: string): Promise<void> {
    const engine = this.#query.engine;
    if (!engine) return;
    const form: FormName =
      table === 'weekly_availability'
        ? 'window'
        : table === 'blocked_slots'
          ? 'blocked'
          : 'addition';
    await this.write(form, t.removed, () => engine.change({ table, op: 'delete', id }), false);
  }

  private input(
    form: FormName,
    name: string,
    label: string,
    options: {
      hint?: string;
      type?: string;
      numeric?: boolean;
      /** hours:minutes; a phone's decimal pad has a separator, its number pad none */
      duration?: boolean;
      /** a datalist to suggest from */
      list?: string;
    } = {},
  ): TemplateResult {
    const id = `${form}-${name}`;
    const error = this.errors[form][name] ?? '';
    const describedBy = [options.hint ? `${id}-hint` : '', `${id}-error`].join(' ').trim();
    return html`<label
      >${label}
      ${options.hint ? html`<span class="hint" id="${id}-hint">${options.hint}</span>` : nothing}
      <input
        name=${name}
        type=${options.type ?? 'text'}
        inputmode=${options.duration ? 'decimal' : options.numeric ? 'numeric' : 'text'}
        list=${options.list ?? nothing}
        placeholder=${options.duration ? '0:00' : nothing}
        autocomplete="off"
        .value=${this.drafts[form][name] ?? ''}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${(e: Event) => this.onInput(form, e)}
      />
      <p class="error" id="${id}-error" role="alert">${error}</p>
    </label>`;
  }

  private onInput(form: FormName, e: Event): void {
    const target = e.target as HTMLInputElement | HTMLSelectElement;
    if (form === 'settings') this.#settingsDirty = true;
    this.drafts = { ...this.drafts, [form]: { ...this.drafts[form], [target.name]: target.value } };
    this.messages = { ...this.messages, [form]: '' };
    // the range forms put "end after start" on the end; any edit may fix it
    const stale = form === 'settings' ? [target.name] : [target.name, 'to_date', 'end_time'];
    const errors = Object.fromEntries(
      Object.entries(this.errors[form]).filter(([k]) => !stale.includes(k)),
    );
    this.errors = { ...this.errors, [form]: errors };
  }

  private onOrg(e: Event): void {
    this.chosenOrg = (e.target as HTMLSelectElement).value;
    this.#settingsDirty = false;
    this.fillSettings();
  }

  /** parses a form; on failure, messages next to the fields and focus on the first */
  private parse<S extends z.ZodType>(
    form: FormName,
    schema: S,
    input: unknown,
  ): z.output<S> | null {
    const result = schema.safeParse(input);
    if (result.success) {
      this.errors = { ...this.errors, [form]: {} };
      return result.data;
    }
    const raw = fieldErrors(result.error);
    // the range forms' instants are typed as dates and times
    const errors: Record<string, string> = {};
    for (const [key, message] of Object.entries(raw)) {
      const field = key === 'starts_at' ? 'from_date' : key === 'ends_at' ? 'to_date' : key;
      errors[field] = message;
    }
    this.errors = { ...this.errors, [form]: errors };
    this.messages = { ...this.messages, [form]: '' };
    void this.updateComplete.then(() => {
      const first = Object.keys(errors)[0];
      this.renderRoot
        .querySelector<HTMLElement>(`[aria-describedby~="${form}-${first}-error"]`)
        ?.focus();
    });
    return null;
  }

  private async write(
    form: FormName,
    done: string,
    fn: () => Promise<void>,
    reset = true,
  ): Promise<void> {
    this.failure = '';
    try {
      await fn();
      this.messages = { ...this.messages, [form]: done };
      if (reset && form === 'window') this.drafts = { ...this.drafts, window: emptyWindow };
      if (reset && (form === 'blocked' || form === 'addition')) {
        this.drafts = { ...this.drafts, [form]: emptyRange };
      }
    } catch (error) {
      this.failure = describeError(error).message;
    }
  }

  /** the coach's zone: the saved setting, else what is being typed, else the organization's */
  private zone(): string {
    const data = this.#query.value;
    const stored = data ? settingsOf(data, this.orgId, data.userId) : null;
    const saved = stored?.time_zone;
    if (saved) return saved;
    const typed = this.drafts.settings['time_zone'] ?? '';
    if (typed && isValidZone(typed)) return typed;
    return data?.orgs.get(this.orgId)?.timeZone ?? 'UTC';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'availability-page': AvailabilityPage;
  }
}
