import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ICS_MEDIA_TYPE } from '../../domain/ics.ts';
import type { Rank } from '../../domain/rank.ts';
import { SELF_REGISTRATION, scheduleChips } from '../../domain/schedule.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { currentIntlTag, currentLocale } from '../../i18n/locale.ts';
import { meStrings as t } from './me-strings.ts';
import { rosterStrings } from '../roster/index.ts';
import '../results/index.ts';
import { reportPath, reportsStrings } from '../reports/index.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { chipStyles } from '../../ui/chip-styles.ts';
import { calendarEvents, calendarFile } from './my-calendar.ts';
import { observeMyAthletes, type MyAthlete, type MyData } from './my-athlete-data.ts';
import { rankBadge } from '../../ui/rank-badge.ts';

/** sessions shown on the page; the calendar file has all that are synced */
const SHOWN_SESSIONS = 8;

/**
 * The athlete's own page, from the local database (so it opens offline): the
 * weekly pattern, upcoming sessions, ranks and their history, group and
 * coaches; and the sessions as a calendar file.
 */
@customElement('me-page')
export class MePage extends LitElement {
  static override styles = [
    sharedStyles,
    chipStyles,
    css`
      section {
        margin-bottom: var(--ts-space-5);
      }
      h2 {
        font-size: 1.125rem;
        margin: 0 0 var(--ts-space-2);
      }
      .org {
        margin: 0 0 var(--ts-space-4);
        color: var(--ts-color-muted);
        overflow-wrap: anywhere;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: var(--ts-space-1) var(--ts-space-3);
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-2);
      }
      .session {
        display: grid;
        gap: 2px;
        padding: var(--ts-space-2) var(--ts-space-3);
      }
      .when {
        font-weight: 600;
      }
      .cancelled .when {
        text-decoration: line-through;
      }
      .tag {
        font-weight: 600;
        color: var(--ts-color-danger);
      }
      .progression {
        font-size: 1.0625rem;
      }
      .download {
        width: 100%;
      }
    `,
  ];

  readonly #mine = new LocalQueryController(this, (engine, onChange: (data: MyData) => void) =>
    observeMyAthletes(engine, Date.now(), onChange),
  );
  /** before the first sync an empty database says nothing about the account */
  readonly #synced = new LocalQueryController(
    this,
    (engine, onChange: (synced: boolean) => void) => ({
      unsubscribe: engine.observe((status) => onChange(status.lastSyncAt !== null)),
    }),
  );

  override render() {
    const data = this.#mine.value;
    return html`
      <h1>${t.title}</h1>
      ${
        !data || (data.athletes.length === 0 && !this.#synced.value)
          ? html`<p class="muted" role="status">${t.waiting}</p>`
          : data.athletes.length === 0
            ? html`<p class="card">${t.noRecord}</p>`
            : html`${data.athletes.map((a) => this.renderAthlete(a, data.athletes.length > 1))}
              ${this.renderCalendar(data.athletes)}`
      }
    `;
  }

  private renderAthlete(a: MyAthlete, several: boolean) {
    const id = `athlete-${a.id}`;
    return html`<article aria-labelledby=${id}>
      <h2 id=${id} class=${several ? '' : 'visually-hidden'}>${a.name}</h2>
      <p class="org">${a.orgName}</p>
      <p><a class="button secondary" href=${reportPath(a.id)}>${reportsStrings.mine}</a></p>
      <section class="card" aria-labelledby=${`${id}-group`}>
        <h2 id=${`${id}-group`}>${t.groupAndCoaches}</h2>
        <dl>
          <dt>${t.group}</dt>
          <dd>${a.groupName ?? t.noGroup}</dd>
          <dt>${t.coaches}</dt>
          <dd>${a.coachNames.length > 0 ? a.coachNames.join(', ') : t.noCoaches}</dd>
        </dl>
      </section>
      <section aria-labelledby=${`${id}-pattern`}>
        <h2 id=${`${id}-pattern`}>${t.pattern}</h2>
        ${this.renderPattern(a.schedule)}
      </section>
      <section aria-labelledby=${`${id}-ranks`}>
        <h2 id=${`${id}-ranks`}>${t.ranks}</h2>
        ${this.renderRanks(a)}
      </section>
      <section aria-labelledby=${`${id}-history`}>
        <h2 id=${`${id}-history`}>${t.history}</h2>
        ${
          a.history.length === 0
            ? html`<p class="muted">${t.noHistory}</p>`
            : html`<ul>
                ${a.history.map(
                  (h) =>
                    html`<li class="card">
                      <strong>${h.season}</strong>: ${this.badge(h.rankStart, t.rankNotSet)} →
                      ${this.badge(h.rankEnd, t.rankNotAssigned)}
                    </li>`,
                )}
              </ul>`
        }
      </section>
      <section aria-labelledby=${`${id}-upcoming`}>
        <h2 id=${`${id}-upcoming`}>${t.upcoming}</h2>
        ${this.renderSessions(a)}
      </section>
      <athlete-results .athleteId=${a.id}></athlete-results>
    </article>`;
  }

  private renderPattern(schedule: string | null) {
    if (schedule === SELF_REGISTRATION) {
      return html`<p class="chips"><span class="chip">${rosterStrings.selfRegistration}</span></p>`;
    }
    const chips = scheduleChips(schedule, currentLocale);
    if (chips.length === 0) return html`<p class="muted">${rosterStrings.notSet}</p>`;
    return html`<ul class="chips" aria-label=${t.pattern}>
      ${chips.map((c) => html`<li class="chip">🕐 ${c}</li>`)}
    </ul>`;
  }

  private renderSessions(a: MyAthlete) {
    if (a.sessions.length === 0) return html`<p class="muted">${t.noUpcoming}</p>`;
    const format = new Intl.DateTimeFormat(currentIntlTag, {
      timeZone: a.timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
    });
    const end = new Intl.DateTimeFormat(currentIntlTag, {
      timeZone: a.timeZone,
      hour: '2-digit',
      minute: '2-digit',
    });
    return html`<ul aria-label=${t.upcoming}>
        ${a.sessions.slice(0, SHOWN_SESSIONS).map(
          (s) =>
            html`<li class=${`card session ${s.cancelled ? 'cancelled' : ''}`}>
              <span class="when">${format.format(s.startsAt)}–${end.format(s.endsAt)}</span>
              ${s.cancelled ? html`<span class="tag">${t.cancelled}</span>` : nothing}
              ${s.title && s.title !== a.groupName ? html`<span>${s.title}</span>` : nothing}
              ${s.room ? html`<span class="muted">${s.room}</span>` : nothing}
            </li>`,
        )}
      </ul>
      <p class="muted">${t.timesIn(a.timeZone)}</p>`;
  }

  private renderRanks(a: MyAthlete) {
    return html`<p class="muted">${a.season ? t.season(a.season) : t.noSeason}</p>
      ${
        a.rankStart && a.rankEnd && a.rankStart !== a.rankEnd
          ? html`<p class="progression">${rankBadge(a.rankStart)} → ${rankBadge(a.rankEnd)}</p>`
          : nothing
      }
      <dl>
        <dt>${t.rankStart}</dt>
        <dd>${this.badge(a.rankStart, t.rankNotSet)}</dd>
        <dt>${t.rankEnd}</dt>
        <dd>${this.badge(a.rankEnd, t.rankNotAssigned)}</dd>
      </dl>`;
  }

  private badge(rank: Rank | null, empty: string) {
    return rank ? html`<span class="chip">${rankBadge(rank)}</span>` : html`<span>${empty}</span>`;
  }

  private renderCalendar(athletes: MyAthlete[]) {
    const count = calendarEvents(athletes).length;
    return html`<section class="card stack" aria-labelledby="calendar">
      <h2 id="calendar">${t.calendar}</h2>
      <p>${t.calendarHint}</p>
      <p class="muted">${t.calendarCount(count)}</p>
      <button class="button download" type="button" @click=${() => this.download(athletes)}>
        ${t.addToCalendar}
      </button>
    </section>`;
  }

  private download(athletes: MyAthlete[]): void {
    const file = new Blob([calendarFile(athletes, new Date())], { type: ICS_MEDIA_TYPE });
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = t.fileName;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    // the browser has the file by the next task
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'me-page': MePage;
  }
}
