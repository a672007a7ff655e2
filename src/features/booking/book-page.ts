import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Interval } from '../../domain/interval-set.ts';
import { slotsByDay, type SlotDay } from '../../domain/slots.ts';
import {
  DAY,
  MINUTE,
  formatLocalTime,
  toInstant,
  toLocal,
  weekday,
} from '../../domain/zoned-time.ts';
import {
  MAX_OCCURRENCES,
  occurrenceCount,
  seriesEndDate,
  type SeriesLength,
} from '../../domain/series-length.ts';
import { ContextConsumer } from '@lit/context';
import { supabaseContext } from '../../state/contexts.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { bookingStrings } from './booking-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import {
  bookableCoaches,
  countIn,
  creditsIn,
  instant,
  knownBusy,
  settingsOf,
  observeBookingData,
  slotRules,
  type BookableCoach,
  type BookingData,
} from './booking-data.ts';
import { callRpc } from '../../data/call-rpc.ts';
import type { BookingRow, TrainingSessionRow } from '../../data/synced-rows.ts';
import { clashesOf, type Clash } from './booking-clashes.ts';
import { deviceZone, formatDateTime, formatDay, formatTime } from '../../ui/time-format.ts';
import { bookingStyles } from './booking-styles.ts';
import { shortOrganizationName } from '../../domain/current-organization.ts';
import { errorStrings } from '../../i18n/error-strings.ts';

const t = bookingStrings.book;
const m = bookingStrings.manage;

type Repeat = 'once' | '1' | '2';
type LengthKind = SeriesLength['kind'];

/** the booking being moved (`/book?move=<booking id>`) with its session */
interface Move {
  booking: BookingRow;
  session: TrainingSessionRow;
}

interface BusyState {
  key: string;
  /** commitments: sessions and future series occurrences, kept a buffer away */
  ranges: Interval[];
  /** blocked time, which a session may touch */
  blocked: Interval[];
  loaded: boolean;
}

const keyOf = (c: BookableCoach) => `${c.orgId}/${c.coachId}`;

/**
 * A member books a coach of their club: free slots computed on the device from
 * the coach's synced rules (src/domain/slots.ts) minus the coach's busy time
 * (coach_busy_times, ranges only: every session and future series occurrence,
 * and blocked time, which a member's device does not hold since its reasons are
 * for staff), in the member's own zone and grouped by their
 * local date; once, every week or every two weeks. A recurring booking that
 * clashes lists the dates and offers to skip them. A series runs open-ended,
 * to a date or for a number of sessions. Before anything is booked a summary
 * (when, length, coach, place, repeat, what it costs) asks to confirm. With
 * `?move=<booking id>` the same picker moves one of the member's bookings
 * (reschedule_booking: same booking, new time). Booking is the server's:
 * offline the slots still show, the buttons say why they are off.
 */
@customElement('book-page')
export class BookPage extends LitElement {
  static override styles = [
    sharedStyles,
    bookingStyles,
    css`
      .slots {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2);
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .slot {
        min-width: 5.5rem;
        font-variant-numeric: tabular-nums;
      }
      .slot[aria-pressed='true'] {
        background: var(--ts-color-brand);
        color: var(--ts-color-on-brand);
      }
      .choice {
        border-color: var(--ts-color-brand);
        border-width: 2px;
      }
      .choice .button {
        padding-block: var(--ts-space-2);
      }
      .choice fieldset {
        display: grid;
        gap: 0;
      }
      .more {
        margin-top: var(--ts-space-4);
      }
      .clashes {
        margin: 0 0 var(--ts-space-3);
        padding-inline-start: var(--ts-space-5);
      }
      .summary {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: var(--ts-space-1) var(--ts-space-3);
        margin: 0;
      }
      .summary dt {
        font-weight: 600;
        color: var(--ts-color-muted, inherit);
      }
      .summary dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .field-error {
        color: var(--ts-color-danger, #b00020);
        margin: 0;
      }
    `,
  ];

  readonly #booking = new LocalQueryController(this, observeBookingData, {
    // keep the chosen coach while they still take bookings; when there is only one, choose them
    onChange: () => {
      const move = this.move();
      if (move && this.coach === '') {
        this.coach = `${move.session.org_id}/${move.session.coach_id}`;
      }
      const coaches = this.coaches();
      if (!coaches.some((c) => keyOf(c) === this.coach)) {
        this.coach = coaches.length === 1 && coaches[0] ? keyOf(coaches[0]) : '';
      }
    },
  });
  readonly #supabase = new ContextConsumer(this, { context: supabaseContext });
  readonly #online = new OnlineController(this);
  readonly #zone = deviceZone();
  @state() private coach = '';
  @state() private busy: BusyState = { key: '', ranges: [], blocked: [], loaded: false };
  @state() private days = 7;
  @state() private chosen: number | null = null;
  @state() private repeat: Repeat = 'once';
  @state() private clashes: Clash[] | null = null;
  /** the summary is showing: the next tap books */
  @state() private reviewing = false;
  @state() private lengthKind: LengthKind = 'open';
  @state() private untilDate = '';
  @state() private count = 8;
  @state() private lengthError = '';
  /** the booking id to move, from `?move=` */
  readonly #moveId = new URLSearchParams(location.search).get('move');
  @state() private booking = false;
  @state() private message = '';
  @state() private failure = '';
  #wasOnline = navigator.onLine;

  private get data(): BookingData | undefined {
    return this.#booking.value;
  }

  override willUpdate(): void {
    const online = this.#online.online;
    if (this.coach && (this.busy.key !== this.coach || (online && !this.#wasOnline))) {
      void this.loadBusy(this.coach);
    }
    this.#wasOnline = online;
  }

  override render() {
    const data = this.data;
    if (!data) return html`<p class="muted" role="status">…</p>`;
    const coaches = this.coaches();
    const online = this.#online.online;
    const move = this.move();
    // the club is named in the list only when the coaches come from more than one
    const manyClubs = new Set(coaches.map((c) => c.orgId)).size > 1;
    const chosen = coaches.find((c) => keyOf(c) === this.coach);
    if (this.#moveId && !move) {
      return html`<h1>${m.rescheduleTitle}</h1>
        ${
          this.message
            ? this.renderDone()
            : html`<p class="card">${m.moveGone}</p>
                <p><a href="/bookings">${t.myBookings}</a></p>`
        }`;
    }
    return html`
      <h1>${move ? m.rescheduleTitle : t.title}</h1>
      ${!online ? html`<ts-notice><p>${t.offline}</p></ts-notice>` : nothing}
      ${
        move
          ? html`<p class="card">
              ${t.coach}: ${data.names.get(move.session.coach_id) ?? ''}<br />
              <strong
                >${m.current(
                  `${formatDateTime(instant(move.session.starts_at), this.#zone)}–${formatTime(
                    instant(move.session.ends_at),
                    this.#zone,
                  )}`,
                )}</strong
              >
            </p>`
          : coaches.length === 0
            ? html`<p class="card">${t.noCoaches}</p>`
            : html`<label
                  >${t.coach}
                  <select @change=${this.onCoach}>
                    <option value="" ?selected=${this.coach === ''}>${t.chooseCoach}</option>
                    ${coaches.map(
                      (c) =>
                        html`<option
                          value=${keyOf(c)}
                          title=${c.orgName}
                          ?selected=${keyOf(c) === this.coach}
                        >
                          ${c.name}${manyClubs && c.orgName ? ` · ${shortOrganizationName(c.orgName)}` : ''}
                        </option>`,
                    )}
                  </select></label
                >
                ${
                  // a long club name would cut the coach's off inside the select: it goes below
                  chosen?.orgName
                    ? html`<p class="muted">${bookingStrings.organization}: ${chosen.orgName}</p>`
                    : nothing
                }`
      }
      ${this.failure ? html`<ts-notice tone="error"><p>${this.failure}</p></ts-notice>` : nothing}
      ${this.message ? this.renderDone() : nothing}
      ${this.coach && !(move && this.message) ? this.renderSlots(data, online) : nothing}
    `;
  }

  private renderDone() {
    return html`<ts-notice tone="success"
      ><p>${this.message}</p>
      <p><a href="/bookings">${t.myBookings}</a></p></ts-notice
    >`;
  }

  /** the booking `?move=` names, while it is the user's, confirmed and one-to-one */
  private move(): Move | null {
    const data = this.data;
    if (!this.#moveId || !data) return null;
    const booking = data.bookings.find((b) => b.id === this.#moveId);
    const session = booking && data.sessions.find((s) => s.id === booking.session_id);
    if (!booking || !session || booking.status !== 'confirmed' || session.kind !== 'one_to_one') {
      return null;
    }
    return { booking, session };
  }

  private renderSlots(data: BookingData, online: boolean) {
    const [orgId = '', coachId = ''] = this.coach.split('/');
    const rules = slotRules(data, orgId, coachId);
    if (!rules) return html`<p class="card">${errorStrings.booking.notBookable}</p>`;
    const server = this.busy.key === this.coach ? this.busy : null;
    const days: SlotDay[] = slotsByDay(
      {
        ...rules,
        blocked: [...rules.blocked, ...(server?.blocked ?? [])],
        busy: [...(server?.ranges ?? []), ...knownBusy(data, coachId)],
        now: Date.now(),
      },
      this.#zone,
    );
    const shown = days.slice(0, this.days);
    return html`
      <p class="muted">
        ${t.yourZone(this.#zone)}
        ${rules.settings.zone !== this.#zone ? t.coachZone(rules.settings.zone) : nothing}
      </p>
      ${
        !this.busy.loaded && this.busy.key === this.coach && online
          ? html`<p class="muted" role="status">…</p>`
          : !this.busy.loaded
            ? html`<p class="muted">${t.busyUnknown}</p>`
            : nothing
      }
      ${this.chosen !== null ? this.renderChoice(rules.settings.zone, online) : nothing}
      ${
        shown.length === 0
          ? html`<p class="card">${t.noSlots}</p>`
          : shown.map((day) => {
              const label = formatDay(day.slots[0]?.start ?? 0, this.#zone);
              return html`<section class="day" aria-label=${t.slotsFor(label)}>
                <h3>${label}</h3>
                <ul class="slots">
                  ${day.slots.map(
                    (s) =>
                      html`<li>
                        <button
                          class="button secondary slot"
                          type="button"
                          aria-pressed=${this.chosen === s.start ? 'true' : 'false'}
                          data-start=${s.start}
                          aria-label=${formatDateTime(s.start, this.#zone)}
                          @click=${() => this.choose(s.start)}
                        >
                          ${formatTime(s.start, this.#zone)}
                        </button>
                      </li>`,
                  )}
                </ul>
              </section>`;
            })
      }
      ${
        days.length > this.days
          ? html`<p class="more">
              <button class="button secondary" type="button" @click=${() => (this.days += 7)}>
                ${t.moreDays}
              </button>
            </p>`
          : nothing
      }
    `;
  }

  private renderChoice(coachZone: string, online: boolean) {
    const start = this.chosen ?? 0;
    const disabled = !online || this.booking;
    const skip = this.clashes;
    const move = this.move();
    if (this.reviewing) return this.renderSummary(start, coachZone, online);
    return html`<div class="card choice form" id="choice">
      <p><strong>${t.chosen(formatDateTime(start, this.#zone))}</strong></p>
      ${
        coachZone !== this.#zone
          ? html`<p class="muted">${t.coachTime(formatDateTime(start, coachZone))}</p>`
          : nothing
      }
      ${move ? nothing : this.renderRepeat()}
      ${this.repeat !== 'once' && !move ? this.renderDuration(start, coachZone) : nothing}
      ${
        skip && skip.length > 0
          ? html`<div role="alert">
              <p>${t.clashes}</p>
              <ul class="clashes">
                ${skip.map(
                  (c) =>
                    html`<li>
                      ${formatDateTime(c.startsAt, this.#zone)} — ${t.problem(c.problem)}
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
      ${!online ? html`<p class="muted">${bookingStrings.needsNetwork}</p>` : nothing}
      <div class="actions">
        ${
          skip && skip.length > 0
            ? html`<button
                class="button"
                type="button"
                ?disabled=${disabled}
                @click=${() => this.book(true)}
              >
                ${t.bookSkipping(skip.length)}
              </button>`
            : html`<button
                class="button"
                type="button"
                ?disabled=${disabled}
                @click=${() => this.review(coachZone)}
              >
                ${m.next}
              </button>`
        }
        <button class="button secondary" type="button" @click=${this.clearChoice}>
          ${t.cancelChoice}
        </button>
      </div>
    </div>`;
  }

  private renderRepeat() {
    return html`<fieldset>
      <legend>${t.repeat}</legend>
      ${(
        [
          ['once', t.once],
          ['1', t.weekly],
          ['2', t.biweekly],
        ] as const
      ).map(
        ([value, label]) =>
          html`<label class="check"
            ><input
              type="radio"
              name="repeat"
              value=${value}
              .checked=${this.repeat === value}
              @change=${() => {
                this.repeat = value;
                this.clashes = null;
              }}
            />${label}</label
          >`,
      )}
    </fieldset>`;
  }

  /** how long a series runs: open-ended, to a last date, or a number of sessions */
  private renderDuration(start: number, coachZone: string) {
    const first = toLocal(coachZone, start).date;
    const kinds = [
      ['open', m.open],
      ['until', m.until],
      ['count', m.count],
    ] as const;
    return html`<fieldset>
      <legend>${m.duration}</legend>
      ${kinds.map(
        ([value, label]) =>
          html`<label class="check"
            ><input
              type="radio"
              name="duration"
              value=${value}
              .checked=${this.lengthKind === value}
              @change=${() => {
                this.lengthKind = value;
                this.lengthError = '';
                this.clashes = null;
              }}
            />${label}</label
          >`,
      )}
      ${
        this.lengthKind === 'until'
          ? html`<label
              >${m.endDate}
              <input
                type="date"
                min=${first}
                .value=${this.untilDate}
                aria-invalid=${this.lengthError ? 'true' : 'false'}
                aria-describedby="length-error"
                @input=${(e: Event) => {
                  this.untilDate = (e.target as HTMLInputElement).value;
                  this.lengthError = '';
                  this.clashes = null;
                }}
            /></label>`
          : this.lengthKind === 'count'
            ? html`<label
                >${m.occurrences}
                <input
                  type="number"
                  inputmode="numeric"
                  min="1"
                  max=${MAX_OCCURRENCES}
                  step="1"
                  .value=${String(this.count)}
                  aria-invalid=${this.lengthError ? 'true' : 'false'}
                  aria-describedby="length-error"
                  @input=${(e: Event) => {
                    this.count = (e.target as HTMLInputElement).valueAsNumber;
                    this.lengthError = '';
                    this.clashes = null;
                  }}
              /></label>`
            : nothing
      }
      <p class="field-error" id="length-error" role="alert">${this.lengthError}</p>
    </fieldset>`;
  }

  private length(): SeriesLength {
    if (this.lengthKind === 'until') return { kind: 'until', date: this.untilDate };
    if (this.lengthKind === 'count') return { kind: 'count', count: this.count };
    return { kind: 'open' };
  }

  /** the end date of the series being chosen, or why its length is refused */
  private endDate(coachZone: string): { ok: true; endDate: string | null } | { ok: false } {
    const start = this.chosen ?? 0;
    const every = this.repeat === '2' ? 2 : 1;
    const result = seriesEndDate(toLocal(coachZone, start).date, every, this.length());
    if (!result.ok) {
      this.lengthError = m.lengthError(result.error);
      return { ok: false };
    }
    return result;
  }

  private review(coachZone: string): void {
    if (this.repeat !== 'once' && !this.move() && !this.endDate(coachZone).ok) return;
    this.reviewing = true;
    this.failure = '';
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('#summary-title')?.focus(),
    );
  }

  /** what the booking will be, before it is made: the confirm step */
  private renderSummary(start: number, coachZone: string, online: boolean) {
    const data = this.data;
    const [orgId = '', coachId = ''] = this.coach.split('/');
    const settings = data ? settingsOf(data, orgId, coachId) : null;
    const move = this.move();
    const minutes = move
      ? Math.round((instant(move.session.ends_at) - instant(move.session.starts_at)) / MINUTE)
      : (settings?.default_duration_minutes ?? 60);
    const end = start + minutes * MINUTE;
    const span = (from: number, to: number) =>
      `${formatDateTime(from, this.#zone)}–${formatTime(to, this.#zone)}`;
    const room = (move ? move.session.room : settings?.default_room) || m.placeUnknown;
    const credits = data ? creditsIn(data, orgId) : null;
    const disabled = !online || this.booking;
    return html`<div class="card choice form" id="choice">
      <h2 id="summary-title" tabindex="-1">${move ? m.moveSummary : m.summaryTitle}</h2>
      <dl class="summary">
        ${
          move
            ? html`<dt>${m.moveFrom}</dt>
                <dd>${span(instant(move.session.starts_at), instant(move.session.ends_at))}</dd>
                <dt>${m.moveTo}</dt>
                <dd><strong>${span(start, end)}</strong></dd>`
            : html`<dt>${m.when}</dt>
                <dd><strong>${span(start, end)}</strong></dd>`
        }
        ${
          coachZone !== this.#zone
            ? html`<dt></dt>
                <dd class="muted">${t.coachTime(formatDateTime(start, coachZone))}</dd>`
            : nothing
        }
        <dt>${m.length}</dt>
        <dd>${m.minutes(minutes)}</dd>
        <dt>${m.coach}</dt>
        <dd>
          ${data?.names.get(coachId) ?? ''}${
            data?.orgs.get(orgId)?.name ? ` · ${data.orgs.get(orgId)?.name}` : ''
          }
        </dd>
        <dt>${m.place}</dt>
        <dd>${room}</dd>
        ${
          move
            ? nothing
            : html`<dt>${m.repeat}</dt>
                <dd>${this.repeatSummary(start, coachZone)}</dd>`
        }
        <dt>${m.payment}</dt>
        <dd>${m.paymentNone}${credits !== null ? html`<br />${m.credits(credits)}` : nothing}</dd>
      </dl>
      ${!online ? html`<p class="muted">${bookingStrings.needsNetwork}</p>` : nothing}
      <div class="actions">
        <button
          class="button"
          type="button"
          ?disabled=${disabled}
          @click=${() => (move ? this.reschedule(move) : this.book(false))}
        >
          ${move ? m.confirmMove : m.confirm}
        </button>
        <button class="button secondary" type="button" @click=${() => (this.reviewing = false)}>
          ${m.edit}
        </button>
      </div>
    </div>`;
  }

  private repeatSummary(start: number, coachZone: string): string {
    if (this.repeat === 'once') return m.once;
    const every = this.repeat === '2' ? 2 : 1;
    const label = every === 2 ? t.biweekly : t.weekly;
    const first = toLocal(coachZone, start).date;
    const result = seriesEndDate(first, every, this.length());
    if (!result.ok || result.endDate === null) return m.seriesOpen(label);
    const last = toInstant(coachZone, result.endDate, toLocal(coachZone, start).minutes);
    return m.seriesUntil(
      label,
      formatDay(last, this.#zone),
      occurrenceCount(first, every, result.endDate),
    );
  }

  private coaches(): BookableCoach[] {
    const data = this.data;
    return data ? bookableCoaches(data).filter((c) => c.coachId !== data.userId) : [];
  }

  private onCoach(e: Event): void {
    this.coach = (e.target as HTMLSelectElement).value;
    this.days = 7;
    this.clearChoice();
  }

  private choose(start: number): void {
    this.chosen = start;
    this.clashes = null;
    this.reviewing = false;
    this.message = '';
    this.failure = '';
    void this.updateComplete.then(() => {
      const choice = this.renderRoot.querySelector<HTMLElement>('#choice');
      choice?.scrollIntoView({ block: 'nearest' });
      choice?.querySelector<HTMLInputElement>('input[type=radio]:checked')?.focus();
    });
  }

  private clearChoice(): void {
    this.chosen = null;
    this.clashes = null;
    this.reviewing = false;
    this.repeat = 'once';
    this.lengthKind = 'open';
    this.lengthError = '';
  }

  /** the coach's busy ranges from the server (none offline: the slots say so) */
  private async loadBusy(key: string): Promise<void> {
    const client = this.#supabase.value;
    const data = this.data;
    const [orgId = '', coachId = ''] = key.split('/');
    const known = this.busy.key === key ? this.busy : { ranges: [], blocked: [] };
    this.busy = { key, ranges: known.ranges, blocked: known.blocked, loaded: false };
    const rules = data ? slotRules(data, orgId, coachId) : null;
    if (!client || !rules || !navigator.onLine) return;
    const from = Date.now();
    const to = from + Math.min(rules.settings.horizonDays + 1, 400) * DAY;
    const result = await callRpc(client, 'coach_busy_times', {
      p_coach: coachId,
      p_from: new Date(from).toISOString(),
      p_to: new Date(to).toISOString(),
    });
    // a failure (offline after all) leaves the busy time unknown, and the slots say so
    if (!result.ok || this.coach !== key) return;
    // the RPC returns a table, so its columns type as nullable; the bounds never are
    const ranges = result.data.flatMap((r) =>
      r.starts_at && r.ends_at
        ? [
            {
              start: Date.parse(r.starts_at),
              end: Date.parse(r.ends_at),
              blocked: r.blocked === true,
            },
          ]
        : [],
    );
    this.busy = {
      key,
      loaded: true,
      ranges: ranges.filter((r) => !r.blocked).map(({ start, end }) => ({ start, end })),
      blocked: ranges.filter((r) => r.blocked).map(({ start, end }) => ({ start, end })),
    };
  }

  /** moves the booking (same id) to the chosen time; a taken time is refused as in book() */
  private async reschedule(move: Move): Promise<void> {
    const client = this.#supabase.value;
    const start = this.chosen;
    if (!client || start === null) return;
    this.booking = true;
    this.failure = '';
    this.message = '';
    try {
      const result = await callRpc(client, 'reschedule_booking', {
        p_booking: move.booking.id,
        p_starts_at: new Date(start).toISOString(),
      });
      if (!result.ok) {
        this.failure = result.error.message;
        this.clearChoice();
        void this.loadBusy(this.coach);
        return;
      }
      this.message = m.moved(formatDateTime(start, this.#zone));
      this.clearChoice();
      this.#booking.engine?.requestSync();
      void this.loadBusy(this.coach);
    } finally {
      this.booking = false;
    }
  }

  private async book(skipConflicts: boolean): Promise<void> {
    const client = this.#supabase.value;
    const data = this.data;
    const start = this.chosen;
    const [orgId = '', coachId = ''] = this.coach.split('/');
    const rules = data ? slotRules(data, orgId, coachId) : null;
    if (!client || !rules || start === null) return;
    this.booking = true;
    this.failure = '';
    this.message = '';
    try {
      if (this.repeat === 'once') {
        const result = await callRpc(client, 'book_slot', {
          p_org_id: orgId,
          p_coach_id: coachId,
          p_starts_at: new Date(start).toISOString(),
          p_booking_id: crypto.randomUUID(),
        });
        if (!result.ok) {
          this.failure = result.error.message;
          // the time may be gone: show what is free now
          this.clearChoice();
          void this.loadBusy(this.coach);
          return;
        }
        this.message = t.booked;
      } else {
        // the series is the coach's wall-clock time, stepped in the coach's zone
        const local = toLocal(rules.settings.zone, start);
        const end = this.endDate(rules.settings.zone);
        if (!end.ok) {
          this.reviewing = false;
          return;
        }
        const result = await callRpc(client, 'create_recurring_booking', {
          p_org_id: orgId,
          p_coach_id: coachId,
          p_weekday: weekday(local.date),
          p_start_time: formatLocalTime(local.minutes),
          p_start_date: local.date,
          p_every_weeks: Number(this.repeat),
          ...(end.endDate ? { p_end_date: end.endDate } : {}),
          p_skip_conflicts: skipConflicts,
          p_id: crypto.randomUUID(),
        });
        if (!result.ok) {
          const clashes = clashesOf(result.error);
          if (clashes && clashes.length > 0) this.clashes = clashes;
          else this.failure = result.error.message;
          // back to the choice, where the clashes are listed with the offer to skip them
          this.reviewing = false;
          return;
        }
        const made = countIn(result.data, 'sessions_created');
        const skipped = this.clashes?.length ?? 0;
        this.message = `${t.bookedSeries(made)}${skipped > 0 ? ` ${t.skipped(skipped)}` : ''}`;
      }
      this.clearChoice();
      this.#booking.engine?.requestSync();
      void this.loadBusy(this.coach);
    } finally {
      this.booking = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'book-page': BookPage;
  }
}
