import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { liveQuery, type Subscription } from 'dexie';
import { attendanceSummary, type AttendanceMark } from '../domain/attendance.ts';
import type { SyncEngine } from '../data/start-sync-engine.ts';
import { ContextConsumer } from '../state/context.ts';
import { syncEngineContext } from '../state/sync-engine-context.ts';
import { attendanceStrings as t } from '../attendance-strings.ts';
import { sharedStyles } from '../components/shared-styles.ts';
import { readAthleteMarks } from './today-data.ts';

/**
 * An athlete's attendance in a season, from the marks on the device: the
 * percentage (attendance.ts defines it) and the counts behind it.
 */
@customElement('athlete-attendance')
export class AthleteAttendance extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .figure {
        font-size: 1.75rem;
        font-weight: 700;
        margin: 0 0 var(--ts-space-1);
      }
    `,
  ];

  @property() athleteId = '';
  @property() season = '';

  readonly #engine = new ContextConsumer(this, syncEngineContext, { subscribe: true });
  #subscription: Subscription | undefined;
  #observed: { engine: SyncEngine; athleteId: string } | null = null;
  @state() private marks: AttendanceMark[] | undefined;

  override willUpdate(): void {
    const engine = this.#engine.value ?? null;
    if (engine === this.#observed?.engine && this.athleteId === this.#observed.athleteId) return;
    this.#subscription?.unsubscribe();
    this.#observed = engine ? { engine, athleteId: this.athleteId } : null;
    this.#subscription =
      engine && this.athleteId
        ? liveQuery(() => readAthleteMarks(engine.db, this.athleteId)).subscribe({
            next: (marks) => (this.marks = marks),
            error: (e: unknown) => console.error('attendance query failed', e),
          })
        : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#subscription?.unsubscribe();
    this.#observed = null;
  }

  override render() {
    if (!this.marks || !this.season) return nothing;
    const s = attendanceSummary(this.marks, this.season);
    return html`<section class="card" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">${t.percentOf(this.season)}</h2>
      <p class="figure">${t.percentValue(s.percent)}</p>
      <p class="muted">${t.percentCounts(s.present, s.trial, s.absent, s.excused)}</p>
      <p class="muted">${t.percentHint}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'athlete-attendance': AthleteAttendance;
  }
}
