import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../domain/attendance.ts';
import { markAllTargets } from '../../domain/attendance-day.ts';
import { addDays } from '../../domain/zoned-time.ts';
import { describeError } from '../../data/describe-error.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { attendanceStrings as t } from './attendance-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { observeToday, observeTodayDate, type TodayData, type TodaySession } from './today-data.ts';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * «Сегодня»: the day's sessions of the coach's groups from the local database,
 * each athlete with four one-tap marks (present, excused, absent, trial) that go
 * through the outbox, so the register works with no signal. Another day is a tap
 * away; the season's register downloads as XLSX or CSV.
 */
@customElement('today-page')
export class TodayPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .day {
        display: grid;
        grid-template-columns: auto 1fr auto;
        gap: var(--ts-space-2);
        align-items: end;
        margin-bottom: var(--ts-space-2);
      }
      .day label {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
      input[type='date'] {
        font: inherit;
        min-height: 44px;
        min-width: 0;
        width: 100%;
        padding: 0 var(--ts-space-2);
        border: 1px solid var(--ts-color-border);
        border-radius: 8px;
        background: var(--ts-color-surface);
        color: inherit;
      }
      .step {
        min-width: 44px;
        padding: 0 var(--ts-space-3);
      }
      .when {
        margin-bottom: var(--ts-space-4);
      }
      .when::first-letter {
        text-transform: uppercase;
      }
      section.session {
        margin-bottom: var(--ts-space-4);
      }
      /* a phone's width goes to the buttons */
      @media (max-width: 400px) {
        section.session {
          padding: var(--ts-space-3);
        }
      }
      section.session h2 {
        margin-bottom: var(--ts-space-1);
        overflow-wrap: anywhere;
      }
      .session-meta {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-1) var(--ts-space-3);
        color: var(--ts-color-muted);
        margin-bottom: var(--ts-space-3);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-3);
      }
      li {
        display: grid;
        gap: var(--ts-space-2);
        padding-top: var(--ts-space-3);
        border-top: 1px solid var(--ts-color-border);
      }
      li:first-child {
        border-top: none;
        padding-top: 0;
      }
      .who {
        display: flex;
        justify-content: space-between;
        gap: var(--ts-space-2);
        align-items: baseline;
      }
      .who a {
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .pct {
        color: var(--ts-color-muted);
        white-space: nowrap;
        font-size: 0.9375rem;
      }
      .marks {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: var(--ts-space-1);
      }
      .marks button {
        min-height: 48px;
        padding: 0 1px;
        border-radius: 8px;
        border: 1px solid var(--ts-color-border-strong);
        background: var(--ts-color-surface);
        color: var(--ts-color-text);
        font: inherit;
        font-size: 0.8125rem;
        font-weight: 600;
        cursor: pointer;
        line-height: 1.1;
        /* «Пробное» and the pressed «✓ Не был» stay one line at 360 px */
        white-space: nowrap;
        overflow: hidden;
      }
      .marks button[aria-pressed='true'] {
        color: #fff;
        border-color: transparent;
      }
      .marks button.present[aria-pressed='true'] {
        background: var(--ts-color-success);
      }
      .marks button.excused[aria-pressed='true'] {
        background: var(--ts-color-info);
      }
      .marks button.absent[aria-pressed='true'] {
        background: var(--ts-color-danger);
      }
      .marks button.trial[aria-pressed='true'] {
        background: var(--ts-color-brand);
      }
      .marks button[aria-pressed='true']::before {
        content: '✓' / '';
        font-size: 0.8em;
        margin-inline-end: 1px;
      }
      .marks button:disabled {
        opacity: 0.45;
        cursor: not-allowed;
      }
      .mark-all {
        display: grid;
        gap: var(--ts-space-1);
        margin-bottom: var(--ts-space-3);
      }
      .mark-all p {
        margin: 0;
      }
      .export {
        margin-top: var(--ts-space-5);
      }
      .export .button {
        flex: 1 1 14rem;
      }
    `,
  ];

  /** today in the organization's zone; follows sync (the zone arrives with it) */
  readonly #today = new LocalQueryController(this, observeTodayDate);
  /** the shown day's sessions and register; starts again when the day changes */
  readonly #day = new LocalQueryController(
    this,
    (engine, onChange: (data: TodayData) => void) => {
      const date = this.date;
      return date ? observeToday(engine, date, onChange) : { unsubscribe: () => undefined };
    },
    { key: () => this.date },
  );
  /** the day the user went to, when not today */
  @state() private chosen: string | undefined;
  @state() private error = '';
  /** what «Отметить всех» just did, said once */
  @state() private done = '';

  private get today(): string | undefined {
    return this.#today.value;
  }

  private get date(): string | undefined {
    return this.chosen ?? this.today;
  }

  override render() {
    const data = this.#day.value;
    return html`
      <h1>${this.heading()}</h1>
      ${this.renderDay()}
      ${this.error ? html`<ts-notice tone="error"><p>${this.error}</p></ts-notice>` : nothing}
      ${
        data
          ? data.sessions.length === 0
            ? html`<p class="card" role="status">${data.synced ? t.noSessions : t.awaitingSync}</p>`
            : html`<p class="muted">
                  ${data.sessions.some((s) => s.markable) ? t.markHint : t.notYet}
                </p>
                ${this.done ? html`<p class="muted" role="status">${this.done}</p>` : nothing}
                ${data.sessions.map((s) =>
                  this.renderSession(
                    s,
                    data.season,
                    data.sessions.some((x) => x.markable),
                  ),
                )}
                <p class="muted">${t.percentOf(data.season)}. ${t.percentHint}</p>`
          : html`<p class="muted" role="status">${t.loading}</p>`
      }
      ${data?.synced ? this.renderExport(data.season) : nothing}
    `;
  }

  /** «Сегодня» on today; another day is named, e.g. «Вт, 8 декабря» (with the year when not this one) */
  private heading(): string {
    const date = this.date;
    if (!date || date === this.today) return t.title;
    const otherYear = this.today !== undefined && date.slice(0, 4) !== this.today.slice(0, 4);
    const named = new Intl.DateTimeFormat(currentIntlTag, {
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      ...(otherYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    }).format(Date.parse(`${date}T12:00:00Z`));
    return named.charAt(0).toLocaleUpperCase(currentIntlTag) + named.slice(1);
  }

  private renderDay() {
    if (!this.date) return nothing;
    const when = new Intl.DateTimeFormat(currentIntlTag, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(Date.parse(`${this.date}T12:00:00Z`));
    return html`
      <div class="day">
        <button
          class="button secondary step"
          type="button"
          aria-label=${t.previousDay}
          @click=${() => this.go(addDays(this.date ?? '', -1))}
        >
          ‹
        </button>
        <label
          >${t.date}
          <input
            type="date"
            .value=${this.date}
            @change=${(e: Event) => this.go((e.target as HTMLInputElement).value)}
        /></label>
        <button
          class="button secondary step"
          type="button"
          aria-label=${t.nextDay}
          @click=${() => this.go(addDays(this.date ?? '', 1))}
        >
          ›
        </button>
      </div>
      <p class="when muted">
        ${when}
        ${
          this.today && this.date !== this.today
            ? html`·
                <button class="link-button" type="button" @click=${() => this.go(this.today ?? '')}>
                  ${t.today}
                </button>`
            : nothing
        }
      </p>
    `;
  }

  /** `someMarkable`: the page's hint already says a later day waits, unless others of the day may be marked */
  private renderSession(s: TodaySession, season: string, someMarkable: boolean) {
    const time = new Intl.DateTimeFormat(currentIntlTag, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: s.timeZone,
    });
    const marked = s.athletes.filter((a) => a.status !== null).length;
    const unmarked = markAllTargets(s.athletes).length;
    const headingId = `session-${s.id}`;
    return html`<section class="card session" aria-labelledby=${headingId}>
      <h2 id=${headingId}>${time.format(s.startsAt)}–${time.format(s.endsAt)} · ${s.groupName}</h2>
      <p class="session-meta">
        ${s.title && s.title !== s.groupName ? html`<span>${s.title}</span>` : nothing}
        ${s.room ? html`<span>${s.room}</span>` : nothing}
        ${s.cancelled ? html`<span>${t.cancelled}</span>` : nothing}
        <span>${t.marked(marked, s.athletes.length)}</span>
      </p>
      ${!s.markable && someMarkable ? html`<p class="muted">${t.notYet}</p>` : nothing}
      ${
        s.markable && unmarked > 0
          ? html`<div class="mark-all">
              <button class="button" type="button" @click=${() => this.markAll(s)}>
                ${unmarked === s.athletes.length ? t.markAll : t.markRest(unmarked)}
              </button>
              <p class="muted">${t.markAllHint}</p>
            </div>`
          : nothing
      }
      ${
        s.athletes.length === 0
          ? html`<p class="muted">${t.noAthletes}</p>`
          : html`<ul aria-label=${s.groupName}>
              ${s.athletes.map(
                (a) =>
                  html`<li>
                    <div class="who">
                      <a href=${`/roster/${a.id}`}>${a.name}</a>
                      <span class="pct"
                        ><span class="visually-hidden">${t.percentOf(season)}: </span
                        >${t.percentValue(a.season.percent)}</span
                      >
                    </div>
                    <div class="marks" role="group" aria-label=${t.statusGroup(a.name)}>
                      ${ATTENDANCE_STATUSES.map(
                        (st) =>
                          html`<button
                            type="button"
                            class=${st}
                            aria-pressed=${a.status === st ? 'true' : 'false'}
                            ?disabled=${!s.markable && a.status !== st}
                            title=${a.status === st ? t.clearMark(t.status[st]) : t.status[st]}
                            @click=${() => this.mark(s, a.id, a.status === st ? null : st)}
                          >
                            ${t.statusShort[st]}
                          </button>`,
                      )}
                    </div>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  private renderExport(season: string) {
    return html`<section class="export" aria-labelledby="export-heading">
      <h2 id="export-heading">${t.exportTitle}</h2>
      <div class="actions">
        <button class="button secondary" type="button" @click=${() => this.export(season, 'xlsx')}>
          ${t.exportAttendanceXlsx(season)}
        </button>
        <button class="button secondary" type="button" @click=${() => this.export(season, 'csv')}>
          ${t.exportAttendanceCsv(season)}
        </button>
      </div>
    </section>`;
  }

  private go(date: string): void {
    if (!datePattern.test(date)) return;
    this.chosen = date === this.today ? undefined : date;
    this.done = '';
  }

  /**
   * «Отметить всех»: every athlete without a mark, present — one queued mark each,
   * as single taps are, so it works offline; marks already set are left alone
   */
  private async markAll(session: TodaySession): Promise<void> {
    const engine = this.#day.engine;
    if (!engine || !session.markable) return;
    this.error = '';
    this.done = '';
    const at = Date.now();
    let count = 0;
    try {
      for (const athleteId of markAllTargets(session.athletes)) {
        await engine.markAttendance({
          orgId: session.orgId,
          sessionId: session.id,
          athleteId,
          status: 'present',
          markedBy: engine.userId,
          at,
        });
        count++;
      }
      this.done = t.markedAll(count);
    } catch (error) {
      this.error = describeError(error).message;
    }
  }

  /** marks the athlete, or clears the mark (status null: the pressed button tapped again) */
  private mark(session: TodaySession, athleteId: string, status: AttendanceStatus | null): void {
    const engine = this.#day.engine;
    // before the session's day only clearing is offered (the server refuses the rest)
    if (!engine || (status !== null && !session.markable)) return;
    this.error = '';
    this.done = '';
    engine
      .markAttendance({
        orgId: session.orgId,
        sessionId: session.id,
        athleteId,
        status,
        markedBy: engine.userId,
        at: Date.now(),
      })
      .catch((error: unknown) => {
        this.error = describeError(error).message;
      });
  }

  private async export(season: string, format: 'xlsx' | 'csv'): Promise<void> {
    const engine = this.#day.engine;
    if (!engine) return;
    try {
      const { exportAttendance } = await import('./export-files.ts');
      await exportAttendance(engine, season, format);
    } catch (error) {
      console.error('export failed', error);
      this.error = t.exportFailed;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'today-page': TodayPage;
  }
}
