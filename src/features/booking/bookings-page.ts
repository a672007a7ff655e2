import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { MINUTE, formatLocalTime } from '../../domain/zoned-time.ts';
import { ContextConsumer } from '@lit/context';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { bookingStrings } from './booking-strings.ts';
import { hasRoleAtLeast } from '../../domain/organization.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import {
  countIn,
  instant,
  observeBookingData,
  settingsOf,
  timeMinutes,
  type BookingData,
} from './booking-data.ts';
import { callRpc, type RpcResult } from '../../data/call-rpc.ts';
import { describeError } from '../../data/describe-error.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import type {
  BookingRow,
  RecurringBookingRow,
  TrainingSessionRow,
} from '../../data/synced-rows.ts';
import { deviceZone, formatDateTime, formatDay, formatTime } from '../../ui/time-format.ts';
import { toInstant } from '../../domain/zoned-time.ts';
import { lastOccurrenceDate } from '../../domain/series-length.ts';
import { bookingStyles } from './booking-styles.ts';
import { statusTone } from '../../ui/status-tone.ts';

const t = bookingStrings.bookings;
const m = bookingStrings.manage;

/** one thing the member booked: a booking row (one-time, a group seat) or an occurrence of a series */
interface Entry {
  key: string;
  session: TrainingSessionRow;
  /** the booking row, or null for an occurrence of a recurring booking */
  booking: BookingRow | null;
  status: string;
  start: number;
  end: number;
}

function entries(data: BookingData): Entry[] {
  const out: Entry[] = [];
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  const withBooking = new Set<string>();
  for (const b of data.bookings) {
    if (b.member_id !== data.userId) continue;
    const session = sessions.get(b.session_id);
    if (!session) continue;
    withBooking.add(session.id);
    out.push({
      key: b.id,
      session,
      booking: b,
      status: b.status,
      start: instant(session.starts_at),
      end: instant(session.ends_at),
    });
  }
  for (const s of data.sessions) {
    if (s.member_id !== data.userId || !s.recurring_booking_id || withBooking.has(s.id)) {
      continue;
    }
    out.push({
      key: s.id,
      session: s,
      booking: null,
      status: s.status,
      start: instant(s.starts_at),
      end: instant(s.ends_at),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

type CancelRpc = 'cancel_booking' | 'cancel_session' | 'cancel_recurring_booking';

const active = (e: Entry) => e.status === 'confirmed' || e.status === 'scheduled';

/** the last session of a series with an end, at its time in its zone (null: none left) */
function lastSession(r: RecurringBookingRow): number | null {
  const date = r.end_date && lastOccurrenceDate(r.start_date, r.weekday, r.every_weeks, r.end_date);
  return date ? toInstant(r.time_zone, date, timeMinutes(r.start_time)) : null;
}

/** the coach of the session and the club's admins may cancel or move it at any time */
function isStaffFor(data: BookingData, e: Entry): boolean {
  const role = data.roles.get(e.session.org_id);
  return (
    e.session.coach_id === data.userId || (role !== undefined && hasRoleAtLeast(role, 'admin'))
  );
}

/**
 * The member's bookings from the device (so they show offline): upcoming and
 * past sessions, recurring series, cancelling and moving. Cancelling asks first.
 * Past the coach's cancellation window neither is offered, and the card says
 * why; the server decides all the same (it refuses a late cancel or move with
 * the reason), and needs the network. «Перенести» opens the slot picker on
 * /book?move=<booking id>.
 */
@customElement('bookings-page')
export class BookingsPage extends LitElement {
  static override styles = [
    sharedStyles,
    bookingStyles,
    css`
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2);
      }
      .confirm {
        display: grid;
        gap: var(--ts-space-2);
        flex-basis: 100%;
      }
      .confirm p {
        margin: 0;
      }
    `,
  ];

  readonly #supabase = new ContextConsumer(this, { context: supabaseContext });
  readonly #online = new OnlineController(this);
  readonly #query = new LocalQueryController(this, observeBookingData);
  readonly #zone = deviceZone();
  @state() private busy = '';
  @state() private message = '';
  @state() private failure = '';
  /** the entry (or series) whose cancellation awaits a second tap */
  @state() private confirming = '';
  /** a deadline can pass while the page is open: look again every half minute */
  #ticker: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#ticker = setInterval(() => this.requestUpdate(), 30_000);
  }

  override disconnectedCallback(): void {
    clearInterval(this.#ticker);
    super.disconnectedCallback();
  }

  override render() {
    const data = this.#query.value;
    if (!data) return html`<p class="muted" role="status">…</p>`;
    const now = Date.now();
    const all = entries(data);
    const upcoming = all.filter((e) => e.end > now);
    const past = all
      .filter((e) => e.end <= now)
      .reverse()
      .slice(0, 10);
    const series = data.recurring.filter(
      (r) => r.member_id === data.userId && r.status === 'active',
    );
    const online = this.#online.online;
    return html`
      <h1>${t.title}</h1>
      ${!online ? html`<ts-notice><p>${t.offline}</p></ts-notice>` : nothing}
      ${this.failure ? html`<ts-notice tone="error"><p>${this.failure}</p></ts-notice>` : nothing}
      <p role="status" class="muted">${this.message}</p>
      <p><a class="button" href="/book">${bookingStrings.links.book}</a></p>
      ${
        all.length === 0 && series.length === 0
          ? html`<p class="card">${t.none}</p>`
          : html`<section aria-labelledby="upcoming">
                <h2 id="upcoming">${t.upcoming}</h2>
                ${
                  upcoming.length === 0
                    ? html`<p class="muted">${t.noneUpcoming}</p>`
                    : html`<ul class="items" aria-labelledby="upcoming">
                        ${upcoming.map((e) => this.renderEntry(data, e, online, true))}
                      </ul>`
                }
              </section>
              ${series.length > 0 ? this.renderSeries(data, series, online) : nothing}
              ${
                past.length > 0
                  ? html`<section aria-labelledby="past">
                      <h2 id="past">${t.past}</h2>
                      <ul class="items" aria-labelledby="past">
                        ${past.map((e) => this.renderEntry(data, e, online, false))}
                      </ul>
                    </section>`
                  : nothing
              }`
      }
    `;
  }

  private renderEntry(data: BookingData, e: Entry, online: boolean, upcoming: boolean) {
    const coachId = e.session.coach_id;
    const coach = data.names.get(coachId) ?? '';
    const when = `${formatDateTime(e.start, this.#zone)}–${formatTime(e.end, this.#zone)}`;
    const settings = settingsOf(data, e.session.org_id, coachId);
    const window = settings?.cancellation_window_minutes ?? 0;
    const deadline = e.start - window * MINUTE;
    const live = upcoming && active(e);
    const staff = isStaffFor(data, e);
    const inTime = deadline > Date.now();
    const manageable = live && (staff || inTime);
    const movable = manageable && e.booking !== null && e.session.kind === 'one_to_one';
    const off = !online || this.busy !== '';
    return html`<li class="card">
      <span class="what">
        <strong>${when}</strong>
        <span>${t.with(coach)}</span>
        <span
          ><span class="tag" data-tone=${statusTone(e.status)}>${t.status(e.status)}</span></span
        >
        ${
          !live || staff
            ? nothing
            : !inTime
              ? html`<span class="muted">${m.cancelPassed}</span>`
              : window > 0
                ? html`<span class="muted"
                    >${t.cancelUntil(formatDateTime(deadline, this.#zone))}</span
                  >`
                : nothing
        }
      </span>
      ${
        !manageable
          ? nothing
          : this.confirming === e.key
            ? this.renderConfirm(m.confirmCancel(when), off, () => this.cancel(e))
            : html`<span class="actions">
                ${
                  movable && e.booking
                    ? html`<a
                        class="button secondary"
                        href=${`/book?move=${e.booking.id}`}
                        aria-label=${`${m.reschedule}: ${when}`}
                        >${m.reschedule}</a
                      >`
                    : nothing
                }
                <button
                  class="button secondary"
                  type="button"
                  ?disabled=${off}
                  aria-label=${`${t.cancel}: ${when}`}
                  @click=${() => this.ask(e.key)}
                >
                  ${t.cancel}
                </button>
              </span>`
      }
    </li>`;
  }

  /** the second tap of a cancellation: the question, yes and no */
  private renderConfirm(question: string, off: boolean, yes: () => Promise<void>) {
    return html`<div class="confirm" role="group" aria-label=${question}>
      <p role="alert"><strong>${question}</strong></p>
      <span class="actions">
        <button class="button" type="button" ?disabled=${off} @click=${yes}>${m.yesCancel}</button>
        <button class="button secondary" type="button" @click=${() => (this.confirming = '')}>
          ${m.keep}
        </button>
      </span>
    </div>`;
  }

  private ask(key: string): void {
    this.confirming = key;
    this.message = '';
    this.failure = '';
  }

  private renderSeries(data: BookingData, series: RecurringBookingRow[], online: boolean) {
    return html`<section aria-labelledby="series">
      <h2 id="series">${t.series}</h2>
      <ul class="items" aria-labelledby="series">
        ${series.map((r) => {
          const label = t.seriesLabel(
            bookingStrings.weekday(r.weekday),
            formatLocalTime(timeMinutes(r.start_time)),
            r.every_weeks,
          );
          const coach = data.names.get(r.coach_id) ?? '';
          const last = lastSession(r);
          return html`<li class="card">
            <span class="what">
              <strong>${label}</strong>
              <span class="muted">${r.time_zone}</span>
              ${last !== null ? html`<span>${m.seriesEnds(formatDay(last, this.#zone))}</span>` : nothing}
              <span>${t.with(coach)}</span>
            </span>
            ${
              this.confirming === r.id
                ? this.renderConfirm(
                    m.confirmCancelSeries(label),
                    !online || this.busy !== '',
                    () => this.cancelSeries(r.id),
                  )
                : html`<button
                    class="button secondary"
                    type="button"
                    ?disabled=${!online || this.busy !== ''}
                    aria-label=${`${t.cancelSeries}: ${label}`}
                    @click=${() => this.ask(r.id)}
                  >
                    ${t.cancelSeries}
                  </button>`
            }
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private async cancel(e: Entry): Promise<void> {
    const booking = e.booking;
    await this.call(e.key, t.cancelled, (client) =>
      booking
        ? callRpc(client, 'cancel_booking', { p_booking_id: booking.id })
        : callRpc(client, 'cancel_session', { p_session_id: e.session.id }),
    );
  }

  private async cancelSeries(id: string): Promise<void> {
    await this.call(id, '', (client) => callRpc(client, 'cancel_recurring_booking', { p_id: id }));
  }

  private async call(
    key: string,
    done: string,
    fn: (client: AppClient) => Promise<RpcResult<CancelRpc>>,
  ): Promise<void> {
    const client = this.#supabase.value;
    this.busy = key;
    this.confirming = '';
    this.failure = '';
    this.message = '';
    try {
      // the client loads beside the first render; until it has, the server is out of reach
      const result = client
        ? await fn(client)
        : { ok: false as const, error: describeError(new Error('no client'), 0) };
      if (!result.ok) {
        this.failure = result.error.message;
        return;
      }
      this.message = done || t.seriesCancelled(countIn(result.data, 'sessions_cancelled'));
      this.#query.engine?.requestSync();
    } finally {
      this.busy = '';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bookings-page': BookingsPage;
  }
}
