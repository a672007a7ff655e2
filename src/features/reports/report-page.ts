import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  athleteReport,
  periodProblem,
  presetPeriod,
  type AthleteReport,
  type PeriodPreset,
  type PeriodProblem,
  type ReportPeriod,
} from '../../domain/athlete-report.ts';
import type { ChartSpec } from '../../domain/chart-spec.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/chart-figure.ts';
import '../../ui/ts-notice.ts';
import { observeReportSource, type ReportSource } from './report-data.ts';
import {
  formatDate,
  formatMonth,
  reportDocument,
  resultText,
  type ReportDocument,
} from './report-document.ts';
import { reportsStrings as t } from './reports-strings.ts';

/**
 * One athlete's report over a period (this month, this season, or custom
 * dates), from the device's rows only, so it opens and downloads offline:
 * attendance, plan compliance, a chart by month, results with personal bests,
 * and ranks; then the same as a PDF or an XLSX. Who may open it is who has the
 * athlete on their device: RLS already decided that (coaches and admins of the
 * club, the athlete and a parent on the athlete's account).
 */
@customElement('report-page')
export class ReportPage extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    css`
      section {
        margin-bottom: var(--ts-space-6);
        min-width: 0;
      }
      fieldset {
        border: 0;
        margin: 0 0 var(--ts-space-3);
        padding: 0;
      }
      legend {
        font-weight: 600;
        margin-bottom: var(--ts-space-2);
      }
      .presets {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2);
      }
      .presets .button {
        flex: 1 1 auto;
        padding: 0 var(--ts-space-3);
      }
      .button[aria-pressed='false'] {
        background: var(--ts-color-surface);
        color: var(--ts-color-brand);
        border-color: var(--ts-color-border-strong);
      }
      .custom {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: var(--ts-space-2) var(--ts-space-3);
        margin-top: var(--ts-space-3);
      }
      .custom label {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
      .tiles {
        list-style: none;
        margin: 0 0 var(--ts-space-3);
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
        gap: var(--ts-space-2);
      }
      .tile {
        background: var(--ts-color-surface);
        border: 1px solid var(--ts-color-border);
        border-radius: var(--ts-radius);
        padding: var(--ts-space-2) var(--ts-space-3);
        min-width: 0;
      }
      .tile .value {
        display: block;
        font-size: 1.75rem;
        font-weight: 700;
        line-height: 1.2;
        font-variant-numeric: tabular-nums;
      }
      .tile .label {
        display: block;
        font-weight: 600;
      }
      .tile .hint {
        display: block;
        font-size: 0.875rem;
        color: var(--ts-color-muted);
      }
      .muted,
      .note {
        color: var(--ts-color-muted);
      }
      .note {
        font-size: 0.9375rem;
      }
      ul.list {
        margin: 0 0 var(--ts-space-3);
        padding: 0;
        list-style: none;
        display: grid;
        gap: var(--ts-space-2);
      }
      ul.list li {
        border-inline-start: 4px solid var(--ts-color-brand);
        padding-inline-start: var(--ts-space-2);
        overflow-wrap: anywhere;
      }
      .value-strong {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .pb {
        font-size: 0.875rem;
        font-weight: 600;
        color: var(--ts-color-success);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2) var(--ts-space-3);
        align-items: center;
      }
    `,
  ];

  @property() athleteId = '';

  @state() private preset: PeriodPreset = 'season';
  /** the custom period in force (applied); the inputs' drafts are below */
  @state() private custom: ReportPeriod | null = null;
  @state() private customFrom = '';
  @state() private customTo = '';
  @state() private problem: PeriodProblem | null = null;
  @state() private busy: 'pdf' | 'xlsx' | null = null;
  @state() private failed = false;

  readonly #source = new LocalQueryController(
    this,
    (engine, onChange: (s: ReportSource | null) => void) =>
      observeReportSource(engine, this.athleteId, onChange),
    { key: () => this.athleteId },
  );

  private period(today: string): ReportPeriod {
    if (this.preset === 'custom' && this.custom) return this.custom;
    return presetPeriod(this.preset === 'month' ? 'month' : 'season', today);
  }

  override render() {
    const source = this.#source.value;
    if (source === undefined) return html`<p class="muted" role="status">…</p>`;
    if (source === null) {
      return html`<h1>${t.title}</h1>
        <p>${t.notFound}</p>
        <p><a class="button secondary" href="/">${t.backHome}</a></p>`;
    }
    const period = this.period(source.today);
    const report = athleteReport({ ...source, period });
    const doc = reportDocument({
      name: source.name,
      group: source.group,
      report,
      madeOn: source.today,
    });
    return html`
      <h1>${t.heading(source.name)}</h1>
      <p class="note">${t.intro}</p>
      ${this.renderPeriod(period)} ${this.renderFigures(report)} ${this.renderChart(report)}
      ${this.renderResults(report)} ${this.renderRanks(report)}
      ${this.renderDownloads(doc, source, period)}
      <p>
        <a class="button secondary" href=${source.staff ? `/roster/${source.athleteId}` : '/me'}
          >${source.staff ? t.back : t.backMine}</a
        >
      </p>
    `;
  }

  private renderPeriod(period: ReportPeriod) {
    const choose = (preset: PeriodPreset) => () => {
      this.preset = preset;
      this.problem = null;
      if (preset === 'custom') {
        this.customFrom ||= period.from;
        this.customTo ||= period.to;
        this.custom ??= period;
      }
    };
    const button = (preset: PeriodPreset, label: string) =>
      html`<button
        class="button"
        type="button"
        aria-pressed=${this.preset === preset ? 'true' : 'false'}
        @click=${choose(preset)}
      >
        ${label}
      </button>`;
    return html`<section aria-labelledby="period-legend">
      <fieldset>
        <legend id="period-legend">${t.period.legend}</legend>
        <div class="presets">
          ${button('month', t.period.month)} ${button('season', t.period.season)}
          ${button('custom', t.period.custom)}
        </div>
        ${
          this.preset === 'custom'
            ? html`<form class="custom" novalidate @change=${this.applyCustom}>
                <label
                  >${t.period.from}
                  <input
                    type="date"
                    name="from"
                    .value=${this.customFrom}
                    aria-invalid=${this.problem ? 'true' : 'false'}
                    aria-describedby="period-error"
                    @input=${(e: Event) => (this.customFrom = (e.target as HTMLInputElement).value)}
                /></label>
                <label
                  >${t.period.to}
                  <input
                    type="date"
                    name="to"
                    .value=${this.customTo}
                    aria-invalid=${this.problem ? 'true' : 'false'}
                    aria-describedby="period-error"
                    @input=${(e: Event) => (this.customTo = (e.target as HTMLInputElement).value)}
                /></label>
              </form>`
            : nothing
        }
        <p id="period-error" class="error" role="alert">
          ${this.problem ? t.period.problems[this.problem] : ''}
        </p>
      </fieldset>
      <p class="muted" data-period>
        ${t.period.shown(formatDate(period.from), formatDate(period.to))}
      </p>
    </section>`;
  }

  /** a bad custom period is said and changes nothing: the last good one stays shown */
  private applyCustom(): void {
    const period = { from: this.customFrom, to: this.customTo };
    this.problem = periodProblem(period);
    if (this.problem === null) this.custom = period;
  }

  private renderFigures(report: AthleteReport) {
    const a = report.attendance;
    const c = report.compliance;
    return html`<section aria-label=${`${t.attendance.title}, ${t.plan.title}`}>
      <ul class="tiles">
        <li class="tile" data-figure="attendance">
          <span class="label">${t.attendance.title}</span>
          <span class="value">${t.attendance.percent(a.percent)}</span>
          <span class="hint">${t.attendance.counts(a.present, a.trial, a.absent, a.excused)}</span>
        </li>
        <li class="tile" data-figure="plan">
          <span class="label">${t.plan.title}</span>
          <span class="value">${t.attendance.percent(c.percent)}</span>
          <span class="hint"
            >${c.due === 0 ? t.plan.none : t.plan.counts(c.done, c.due, c.skipped)}</span
          >
        </li>
      </ul>
      <p class="note">${t.attendance.hint} ${t.plan.hint}</p>
    </section>`;
  }

  private renderChart(report: AthleteReport) {
    if (report.months.length === 0) return nothing;
    const spec: ChartSpec = {
      kind: 'bar',
      caption: t.chart.caption,
      labelHeading: t.chart.month,
      labels: report.months.map((m) => formatMonth(m.month)),
      series: [
        { label: t.chart.attendance, values: report.months.map((m) => m.attendancePercent) },
        { label: t.chart.plan, values: report.months.map((m) => m.compliancePercent) },
      ],
    };
    return html`<section><ts-chart-figure .spec=${spec}></ts-chart-figure></section>`;
  }

  private renderResults(report: AthleteReport) {
    const best = new Map(report.personalBests.map((p) => [p.best.id, p.allTime]));
    return html`<section aria-labelledby="results-heading">
      <h2 id="results-heading">${t.results.title}</h2>
      ${
        report.results.length === 0
          ? html`<p class="muted">${t.results.none}</p>`
          : html`<ul class="list">
              ${report.results.map((r) => {
                const pb = best.get(r.id);
                return html`<li>
                  <span class="value-strong">${t.discipline(r.discipline)}: ${resultText(r)}</span>
                  ${
                    pb === undefined
                      ? nothing
                      : html`<span class="pb"
                          >★ ${pb ? t.results.allTime : t.results.periodBest}</span
                        >`
                  }
                  <br /><span class="muted"
                    >${formatDate(r.competedOn)}, ${r.competition},
                    ${t.venue[r.venue] ?? r.venue}${
                      r.place ? html`, ${t.results.place.toLowerCase()} ${r.place}` : nothing
                    }</span
                  >
                </li>`;
              })}
            </ul>`
      }
    </section>`;
  }

  private renderRanks(report: AthleteReport) {
    return html`<section aria-labelledby="ranks-heading">
      <h2 id="ranks-heading">${t.ranks.title}</h2>
      <p class="note">${t.ranks.hint}</p>
      ${
        report.ranks.length === 0
          ? html`<p class="muted">${t.ranks.none}</p>`
          : html`<ul class="list">
              ${report.ranks.map(
                (s) =>
                  html`<li>
                    <span class="value-strong">${s.season}</span><br />
                    ${s.rankStart ?? t.ranks.notSet} → ${s.rankEnd ?? t.ranks.notSet}
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  private renderDownloads(doc: ReportDocument, source: ReportSource, period: ReportPeriod) {
    return html`<section aria-labelledby="files-heading">
      <h2 id="files-heading">${t.downloads.title}</h2>
      <div class="actions">
        <button
          class="button"
          type="button"
          ?disabled=${this.busy !== null}
          @click=${() => this.download('pdf', doc, source, period)}
        >
          ${t.downloads.pdf}
        </button>
        <button
          class="button secondary"
          type="button"
          ?disabled=${this.busy !== null}
          @click=${() => this.download('xlsx', doc, source, period)}
        >
          ${t.downloads.xlsx}
        </button>
      </div>
      <p class="muted" role="status">${this.busy ? t.downloads.making : ''}</p>
      ${
        this.failed
          ? html`<ts-notice tone="error"><p>${t.downloads.failed}</p></ts-notice>`
          : nothing
      }
    </section>`;
  }

  private async download(
    kind: 'pdf' | 'xlsx',
    doc: ReportDocument,
    source: ReportSource,
    period: ReportPeriod,
  ): Promise<void> {
    this.busy = kind;
    this.failed = false;
    try {
      const files = await import('./report-files.ts');
      const base = files.reportFileName(source.name, period.from, period.to);
      if (kind === 'pdf') await files.downloadReportPdf(doc, base);
      else files.downloadReportXlsx(doc, base);
    } catch (error) {
      console.error('report file failed', error);
      this.failed = true;
    } finally {
      this.busy = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-page': ReportPage;
  }
}
