import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { attendanceSummary, type AttendanceMark } from '../../domain/attendance.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { attendanceStrings as t } from '../attendance/index.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { observeAthleteMarks } from './athlete-data.ts';

/**
 * An athlete's attendance in a season, from the marks on the device: the
 * percentage (attendance.ts defines it) and the counts behind it.
 */
@customElement('athlete-attendance')
export class AthleteAttendance extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      /* apart from the past-seasons card above it, as the athlete page's sections are */
      :host {
        margin-top: var(--ts-space-6);
      }
      .figure {
        font-size: 1.75rem;
        font-weight: 700;
        margin: 0 0 var(--ts-space-1);
      }
    `,
  ];

  @property() athleteId = '';
  @property() season = '';

  readonly #marks = new LocalQueryController(
    this,
    (engine, onChange: (marks: AttendanceMark[]) => void) =>
      observeAthleteMarks(engine, this.athleteId, onChange),
    { key: () => this.athleteId },
  );

  override render() {
    const marks = this.#marks.value;
    if (!marks || !this.season) return nothing;
    const s = attendanceSummary(marks, this.season);
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
