import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Interval } from '../../domain/interval-set.ts';
import { slotsByDay, type SlotDay } from '../../domain/slots.ts';
import { DAY, formatLocalTime, toLocal, weekday } from '../../domain/zoned-time.ts';
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
  knownBusy,
  observeBookingData,
  slotRules,
  type BookableCoach,
  type BookingData,
} from './booking-data.ts';
import { callRpc } from '../../data/call-rpc.ts';
import { clashesOf, type Clash } from './booking-clashes.ts';
import { deviceZone, formatDateTime, formatDay, formatTime } from '../../ui/time-format.ts';
import { bookingStyles } from './booking-styles.ts';
import { shortOrganizationName } from '../../domain/current-organization.ts';
import { errorStrings } from '../../i18n/error-strings.ts';

const t = bookingStrings.book;

type Repeat = 'once' | '1' | '2';

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
 * clashes lists the dates and offers to skip them. Booking is the server's:
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
    `,
  ];

  readonly #booking = new LocalQueryController(this, observeBookingData, {
    // keep the chosen coach while they still take bookings; when there is only one, choose them
    onChange: () => {
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
    return html`
      <h1>${t.title}</h1>
      ${!online ? html`<ts-notice><p>${t.offline}</p></ts-notice>` : nothing}
      ${
        coaches.length === 0
          ? html`<p class="card">${t.noCoaches}</p>`
          : html`<label
              >${t.coach}
              <select @change=${this.onCoach}>
                <option value="" ?selected=${this.coach === ''}>${t.chooseCoach}</option>
                ${coaches.map(
                  // a select cannot wrap: the club only when there are several, by its short name
                  (c) =>
                    html`<option
                      value=${keyOf(c)}
                      title=${c.orgName}
                      ?selected=${keyOf(c) === this.coach}
                    >
                      ${c.name}${
                        c.orgName && new Set(coaches.map((o) => o.orgId)).size > 1
                          ? ` · ${shortOrganizationName(c.orgName)}`
                          : ''
                      }
                    </option>`,
                )}
              </select></label
            >`
      }
      ${this.failure ? html`<ts-notice tone="error"><p>${this.failure}</p></ts-notice>` : nothing}
      ${
        this.message
          ? html`<ts-notice tone="success"
              ><p>${this.message}</p>
              <p><a href="/bookings">${t.myBookings}</a></p></ts-notice
            >`
          : nothing
      }
      ${this.coach ? this.renderSlots(data, online) : nothing}
    `;
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
    return html`<div class="card choice form" id="choice">
      <p><strong>${t.chosen(formatDateTime(start, this.#zone))}</strong></p>
      ${
        coachZone !== this.#zone
          ? html`<p class="muted">${t.coachTime(formatDateTime(start, coachZone))}</p>`
          : nothing
      }
      <fieldset>
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
      </fieldset>
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
                @click=${() => this.book(false)}
              >
                ${t.book}
              </button>`
        }
        <button class="button secondary" type="button" @click=${this.clearChoice}>
          ${t.cancelChoice}
        </button>
      </div>
    </div>`;
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
    this.repeat = 'once';
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
        const result = await callRpc(client, 'create_recurring_booking', {
          p_org_id: orgId,
          p_coach_id: coachId,
          p_weekday: weekday(local.date),
          p_start_time: formatLocalTime(local.minutes),
          p_start_date: local.date,
          p_every_weeks: Number(this.repeat),
          p_skip_conflicts: skipConflicts,
          p_id: crypto.randomUUID(),
        });
        if (!result.ok) {
          const clashes = clashesOf(result.error);
          if (clashes && clashes.length > 0) this.clashes = clashes;
          else this.failure = result.error.message;
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
