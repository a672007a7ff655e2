import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { hasRoleAtLeast } from '../../domain/organization.ts';
import { sessionTurnout } from '../../domain/session-turnout.ts';
import { localDateAt } from '../../domain/zoned-time.ts';
import { callRpc } from '../../data/call-rpc.ts';
import { describeError } from '../../data/describe-error.ts';
import type { TrainingSessionRow } from '../../data/synced-rows.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { formatDay, formatTime } from '../../ui/time-format.ts';
import { attendanceStrings } from '../attendance/index.ts';
import { bookingStrings } from './booking-strings.ts';
import { bookingStyles } from './booking-styles.ts';
import { bookedNames, instant, observeBookingData, type BookingData } from './booking-data.ts';
import { observeSessionPeople, type PersonRef, type SessionPeople } from './session-people-data.ts';
import '../../ui/ts-notice.ts';

const t = bookingStrings.session;
const c = bookingStrings.calendar;

/**
 * One session from the calendar, read from the device (so it opens offline):
 * when and where, its group's athletes with their marks or who booked it, and
 * cancelling this one occurrence (the server's cancel_session: it needs the
 * network, emails whoever booked, and leaves the rest of the group's timetable
 * or the series as it is).
 */
@customElement('session-page')
export class SessionPage extends LitElement {
  static override styles = [
    sharedStyles,
    bookingStyles,
    css`
      .back {
        display: inline-block;
        margin-bottom: var(--ts-space-3);
      }
      h1 {
        overflow-wrap: anywhere;
      }
      .when::first-letter {
        text-transform: uppercase;
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-1) var(--ts-space-3);
      }
      ul.people {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-1);
      }
      ul.people li {
        display: flex;
        justify-content: space-between;
        gap: var(--ts-space-2);
        padding: var(--ts-space-1) 0;
        border-bottom: 1px solid var(--ts-color-border);
      }
      ul.people li span:last-child {
        white-space: nowrap;
      }
      .mark-today {
        margin-top: var(--ts-space-3);
      }
      .confirm {
        display: grid;
        gap: var(--ts-space-2);
      }
    `,
  ];

  @property() sessionId = '';

  readonly #supabase = new ContextConsumer(this, { context: supabaseContext });
  readonly #online = new OnlineController(this);
  readonly #data = new LocalQueryController(this, observeBookingData);
  readonly #people = new LocalQueryController(this, observeSessionPeople);
  @state() private asking = false;
  @state() private busy = false;
  @state() private message = '';
  @state() private failure = '';

  override render() {
    const data = this.#data.value;
    const people = this.#people.value;
    const back = html`<a class="back" href="/calendar">${t.back}</a>`;
    if (!data || !people)
      return html`${back}
        <p class="muted" role="status">…</p>`;
    const s = data.sessions.find((x) => x.id === this.sessionId);
    if (!s) {
      return html`${back}
        <h1>${t.title}</h1>
        <p class="card">${t.notFound}</p>`;
    }
    const zone = s.time_zone || 'UTC';
    const start = instant(s.starts_at);
    const end = instant(s.ends_at);
    const group = s.kind === 'group';
    const title = group
      ? t.group(people.groupNames.get(s.group_id ?? '') ?? '')
      : data.names.get(s.member_id ?? '') || c.individual;
    return html`
      ${back}
      <h1>${title}</h1>
      <p class="when">
        ${formatDay(start, zone)}, ${formatTime(start, zone)}–${formatTime(end, zone)}
      </p>
      <p class="facts">
        <span class="tag">${group ? c.group : c.individual}</span>
        ${s.title && group && s.title !== people.groupNames.get(s.group_id ?? '') ? html`<span>${s.title}</span>` : nothing}
        ${s.status !== 'scheduled' ? html`<span class="tag">${c.status(s.status)}</span>` : nothing}
        ${s.room ? html`<span class="muted">${s.room}</span>` : nothing}
        ${s.recurring_booking_id ? html`<span class="muted">${c.recurring}</span>` : nothing}
      </p>
      ${this.message ? html`<ts-notice><p role="status">${this.message}</p></ts-notice>` : nothing}
      ${this.failure ? html`<ts-notice tone="error"><p>${this.failure}</p></ts-notice>` : nothing}
      ${group ? this.renderGroup(s, people) : nothing} ${this.renderBooked(data, s)}
      ${this.renderCancel(data, s, end)}
    `;
  }

  private renderGroup(s: TrainingSessionRow, people: SessionPeople) {
    const marks = people.marks.get(s.id) ?? [];
    const status = new Map(marks.map((m) => [m.athleteId, m.status]));
    const members = people.groupAthletes.get(s.group_id ?? '') ?? [];
    // a guest marked in the session shows too
    const guests: PersonRef[] = marks
      .filter((m) => m.status !== null && !members.some((a) => a.id === m.athleteId))
      .map((m) => ({ id: m.athleteId, name: people.athleteNames.get(m.athleteId) ?? '' }));
    const all = [...members, ...guests];
    const turnout = sessionTurnout(
      members.map((a) => a.id),
      marks,
    );
    const zone = s.time_zone || 'UTC';
    const isToday = s.local_date === localDateAt(zone, Date.now());
    return html`<section aria-labelledby="athletes-heading">
      <h2 id="athletes-heading">${t.athletes}</h2>
      <p class="muted">
        ${turnout.marked > 0 ? c.turnout(turnout.attended, turnout.expected) : c.groupSize(turnout.expected)}
      </p>
      ${
        all.length === 0
          ? html`<p class="muted">${t.noAthletes}</p>`
          : html`<ul class="people" aria-labelledby="athletes-heading">
              ${all.map((a) => {
                const st = status.get(a.id);
                return html`<li>
                  <a href=${`/roster/${a.id}`}>${a.name}</a>
                  <span class=${st ? '' : 'muted'}
                    >${st ? attendanceStrings.status[st] : t.noMark}</span
                  >
                </li>`;
              })}
            </ul>`
      }
      ${
        isToday && s.status !== 'cancelled'
          ? html`<p class="mark-today">
              <a class="button secondary" href="/today">${t.markToday}</a>
            </p>`
          : nothing
      }
    </section>`;
  }

  private renderBooked(data: BookingData, s: TrainingSessionRow) {
    const names = bookedNames(data, s);
    return html`<section aria-labelledby="booked-heading">
      <h2 id="booked-heading">${t.booked}</h2>
      ${
        names.length === 0
          ? html`<p class="muted">${t.nobodyBooked}</p>`
          : html`<ul class="people" aria-labelledby="booked-heading">
              ${names.map((n) => html`<li><span>${n}</span></li>`)}
            </ul>`
      }
      ${s.kind === 'group' && s.booked_count > 0 ? html`<p class="muted">${c.seats(s.booked_count, s.capacity)}</p>` : nothing}
    </section>`;
  }

  /** the session's coach or an admin, while it is scheduled and not over (the server decides) */
  private renderCancel(data: BookingData, s: TrainingSessionRow, end: number) {
    const role = data.roles.get(s.org_id);
    const mayCancel = s.coach_id === data.userId || (role && hasRoleAtLeast(role, 'admin'));
    if (!mayCancel || s.status !== 'scheduled' || end <= Date.now()) return nothing;
    const online = this.#online.online;
    return html`<section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading" class="visually-hidden">${t.cancel}</h2>
      ${online ? nothing : html`<p class="muted">${t.offline}</p>`}
      ${
        this.asking
          ? html`<div class="confirm card">
              <p>${t.cancelQuestion}</p>
              <div class="actions">
                <button
                  class="button"
                  type="button"
                  ?disabled=${!online || this.busy}
                  @click=${() => this.cancel(s.id)}
                >
                  ${t.cancelYes}
                </button>
                <button
                  class="button secondary"
                  type="button"
                  ?disabled=${this.busy}
                  @click=${() => {
                    this.asking = false;
                  }}
                >
                  ${t.cancelNo}
                </button>
              </div>
            </div>`
          : html`<button
              class="button secondary"
              type="button"
              ?disabled=${!online}
              @click=${() => {
                this.asking = true;
                this.message = '';
                this.failure = '';
              }}
            >
              ${t.cancel}
            </button>`
      }
    </section>`;
  }

  private async cancel(id: string): Promise<void> {
    const client = this.#supabase.value;
    this.busy = true;
    this.failure = '';
    try {
      // the client loads beside the first render; until it has, the server is out of reach
      const result = client
        ? await callRpc(client, 'cancel_session', { p_session_id: id })
        : { ok: false as const, error: describeError(new Error('no client'), 0) };
      if (!result.ok) {
        this.failure = result.error.message;
        return;
      }
      this.asking = false;
      this.message = t.cancelled;
      this.#data.engine?.requestSync();
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'session-page': SessionPage;
  }
}
