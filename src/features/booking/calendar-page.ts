import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  addDays,
  localDateAt,
  toInstant,
  weekday,
  type LocalDate,
} from '../../domain/zoned-time.ts';
import { CurrentOrganizationController } from '../../state/current-organization-controller.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { bookingStrings } from './booking-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import {
  awaitsPayment,
  bookedNames,
  isReleasedHold,
  calendarZone,
  instant,
  observeBookingData,
  type BookingData,
} from './booking-data.ts';
import type { TrainingSessionRow } from '../../data/synced-rows.ts';
import { formatDay, formatShortDate, formatTime } from '../../ui/time-format.ts';
import { bookingStyles } from './booking-styles.ts';
import { sessionTurnout } from '../../domain/session-turnout.ts';
import { observeSessionPeople, type SessionPeople } from './session-people-data.ts';
import { statusTone } from '../../ui/status-tone.ts';
import '../../ui/ts-notice.ts';

const t = bookingStrings.calendar;

function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/**
 * The coach's week from the device (so it works offline): every session of the
 * seven days, day by day in the coach's zone, with who booked it (a group
 * session: its group, and who came out of the group once marked); previous and
 * next week and back to today. A card opens the session's details.
 */
@customElement('calendar-page')
export class CalendarPage extends LitElement {
  static override styles = [
    sharedStyles,
    bookingStyles,
    css`
      nav {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: var(--ts-space-2);
        margin-bottom: var(--ts-space-3);
      }
      nav .button {
        padding: 0 var(--ts-space-1);
        white-space: nowrap;
      }
      .week {
        font-weight: 700;
      }
      ol.days {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-2);
      }
      .today h3::after {
        content: ' •';
        color: var(--ts-color-brand);
      }
      .session.cancelled .time {
        text-decoration: line-through;
      }
      .time {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      /* the whole card is the way into the session's details */
      li.session {
        padding: 0;
      }
      a.open {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: var(--ts-space-2);
        width: 100%;
        padding: var(--ts-space-3);
        color: inherit;
        text-decoration: none;
        min-height: 44px;
      }
      a.open:hover .more,
      a.open:focus-visible .more {
        text-decoration: underline;
      }
      .more {
        color: var(--ts-color-brand);
        font-weight: 600;
        white-space: nowrap;
      }
    `,
  ];

  readonly #organization = new CurrentOrganizationController(this);
  readonly #query = new LocalQueryController(this, observeBookingData);
  readonly #people = new LocalQueryController(this, observeSessionPeople);
  /**
   * Weeks away from this week. The week itself is worked out at every render:
   * the zone is only known once the club's rows have synced, and a Monday fixed
   * from the first (empty) read would show the device's week, not the coach's.
   */
  @state() private weeks = 0;

  override render() {
    const data = this.#query.value;
    if (!data) return html`<p class="muted" role="status">…</p>`;
    const zone = this.zone();
    const monday = addDays(mondayOf(localDateAt(zone, Date.now())), 7 * this.weeks);
    const days = [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(monday, i));
    const from = toInstant(zone, monday, 0);
    const to = toInstant(zone, addDays(monday, 7), 0);
    const sessions = data.sessions
      .filter((s) => s.coach_id === data.userId && !isReleasedHold(data, s))
      .filter((s) => instant(s.starts_at) < to && instant(s.ends_at) > from)
      .sort((a, b) => instant(a.starts_at) - instant(b.starts_at));
    const today = localDateAt(zone, Date.now());
    const open = data.conflicts.filter(
      (c) => c.coach_id === data.userId && c.status === 'open',
    ).length;
    const noon = (d: LocalDate) => toInstant(zone, d, 12 * 60);
    return html`
      <h1>${t.title}</h1>
      ${
        open > 0
          ? html`<ts-notice
              ><p><a href="/conflicts">${t.openConflicts(open)}</a></p></ts-notice
            >`
          : nothing
      }
      <p class="week" aria-live="polite">
        ${t.week(formatShortDate(noon(days[0] ?? today), zone), formatShortDate(noon(days[6] ?? today), zone))}
      </p>
      <nav aria-label=${t.title}>
        <button
          class="button secondary"
          type="button"
          aria-label=${t.previous}
          @click=${() => (this.weeks -= 1)}
        >
          ${t.previousShort}
        </button>
        <button class="button secondary" type="button" @click=${() => (this.weeks = 0)}>
          ${t.today}
        </button>
        <button
          class="button secondary"
          type="button"
          aria-label=${t.next}
          @click=${() => (this.weeks += 1)}
        >
          ${t.nextShort}
        </button>
      </nav>
      <p class="muted">${t.inZone(zone)}</p>
      <ol class="days">
        ${days.map((d) => {
          const mine = sessions.filter((s) => localDateAt(zone, instant(s.starts_at)) === d);
          return html`<li class=${d === today ? 'today' : ''}>
            <h3>
              ${formatDay(noon(d), zone)}${
                d === today ? html`<span class="visually-hidden"> (${t.today})</span>` : nothing
              }
            </h3>
            ${
              mine.length === 0
                ? html`<p class="muted">${t.empty}</p>`
                : html`<ul class="items" aria-label=${formatDay(noon(d), zone)}>
                    ${mine.map((s) => this.renderSession(data, s, zone))}
                  </ul>`
            }
          </li>`;
        })}
      </ol>
    `;
  }

  private renderSession(data: BookingData, s: TrainingSessionRow, zone: string) {
    const start = instant(s.starts_at);
    const end = instant(s.ends_at);
    const status = s.status;
    const group = s.kind === 'group';
    const people: SessionPeople | undefined = this.#people.value;
    const groupName = group ? (people?.groupNames.get(s.group_id ?? '') ?? '') : '';
    const who = bookedNames(data, s);
    return html`<li class="card session ${status}">
      <a class="open" href=${`/calendar/session/${s.id}`}>
        <span class="what">
          <span class="time">${formatTime(start, zone)}–${formatTime(end, zone)}</span>
          ${groupName ? html`<strong>${groupName}</strong>` : nothing}
          ${who.length > 0 ? html`<span>${who.join(', ')}</span>` : nothing}
          <span>
            <span class="tag">${group ? t.group : t.individual}</span>
            ${status !== 'scheduled' ? html`<span class="tag" data-tone=${statusTone(status)}>${t.status(status)}</span>` : nothing}
            ${awaitsPayment(data, s) ? html`<span class="tag" data-tone="warning">${t.awaitingPayment}</span>` : nothing}
            ${s.recurring_booking_id ? html`<span class="muted">${t.recurring}</span>` : nothing}
          </span>
          ${group ? this.renderCount(s, people) : nothing}
          ${s.room ? html`<span class="muted">${s.room}</span>` : nothing}
        </span>
        <span class="more" aria-hidden="true">${t.open} ›</span>
      </a>
    </li>`;
  }

  /**
   * a group session counts its group, and who came once it is marked; seats
   * only when members booked into it
   */
  private renderCount(s: TrainingSessionRow, people: SessionPeople | undefined) {
    if (!people) return nothing;
    const athletes = people.groupAthletes.get(s.group_id ?? '') ?? [];
    const turnout = sessionTurnout(
      athletes.map((a) => a.id),
      people.marks.get(s.id) ?? [],
    );
    return html`<span class="muted">
        ${turnout.marked > 0 ? t.turnout(turnout.attended, turnout.expected) : t.groupSize(turnout.expected)}
      </span>
      ${
        s.booked_count > 0
          ? html`<span class="muted">${t.seats(s.booked_count, s.capacity)}</span>`
          : nothing
      }`;
  }

  /** see calendarZone: the current club's settings first */
  private zone(): string {
    const data = this.#query.value;
    return data ? calendarZone(data, this.#organization.currentId) : 'UTC';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'calendar-page': CalendarPage;
  }
}
