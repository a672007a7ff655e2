import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { MINUTE, formatLocalTime } from '../../domain/zoned-time.ts';
import { ContextConsumer } from '@lit/context';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { bookingStrings } from './booking-strings.ts';
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
import { deviceZone, formatDateTime, formatTime } from '../../ui/time-format.ts';
import { bookingStyles } from './booking-styles.ts';
import { statusTone } from '../../ui/status-tone.ts';

const t = bookingStrings.bookings;

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

/**
 * The member's bookings from the device (so they show offline): upcoming and
 * past sessions, recurring series, and cancelling — the server's to decide, so it
 * refuses (with the reason) past the coach's cancellation window and needs the
 * network.
 */
@customElement('bookings-page')
export class BookingsPage extends LitElement {
  static override styles = [sharedStyles, bookingStyles];

  readonly #supabase = new ContextConsumer(this, { context: supabaseContext });
  readonly #online = new OnlineController(this);
  readonly #query = new LocalQueryController(this, observeBookingData);
  readonly #zone = deviceZone();
  @state() private busy = '';
  @state() private message = '';
  @state() private failure = '';

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
    const cancellable = upcoming && active(e);
    return html`<li class="card">
      <span class="what">
        <strong>${when}</strong>
        <span>${t.with(coach)}</span>
        <span
          ><span class="tag" data-tone=${statusTone(e.status)}>${t.status(e.status)}</span></span
        >
        ${
          !cancellable || window === 0
            ? nothing
            : e.start - window * MINUTE > Date.now()
              ? html`<span class="muted"
                  >${t.cancelUntil(formatDateTime(e.start - window * MINUTE, this.#zone))}</span
                >`
              : html`<span class="muted">${t.cancelPassed}</span>`
        }
      </span>
      ${
        cancellable
          ? html`<button
              class="button secondary"
              type="button"
              ?disabled=${!online || this.busy !== ''}
              aria-label=${`${t.cancel}: ${when}`}
              @click=${() => this.cancel(e)}
            >
              ${t.cancel}
            </button>`
          : nothing
      }
    </li>`;
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
          return html`<li class="card">
            <span class="what">
              <strong>${label}</strong>
              <span class="muted">${r.time_zone}</span>
              <span>${t.with(coach)}</span>
            </span>
            <button
              class="button secondary"
              type="button"
              ?disabled=${!online || this.busy !== ''}
              aria-label=${`${t.cancelSeries}: ${label}`}
              @click=${() => this.cancelSeries(r.id)}
            >
              ${t.cancelSeries}
            </button>
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
