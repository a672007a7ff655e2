import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ChartSpec } from '../../domain/chart-spec.ts';
import {
  analyticsCsv,
  clubToday,
  figuresAsOf,
  rangePresets,
  resolveRange,
  summarize,
  type AnalyticsRange,
  type AnalyticsSummary,
  type FunnelFigures,
  type RangeProblem,
  type ResolvedRange,
} from '../../domain/coach-analytics.ts';
import { formatMoney } from '../../domain/money.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { CurrentOrganizationController } from '../../state/current-organization-controller.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/chart-figure.ts';
import '../../ui/ts-notice.ts';
import { observeCoachAnalytics, type CoachAnalyticsData } from './coach-analytics-data.ts';
import { downloadFile } from '../../ui/download-file.ts';
import { coachAnalyticsStrings as t } from './coach-analytics-strings.ts';

/** a 'YYYY-MM-DD' day as the reader writes it, e.g. «6 дек.» */
function dayLabel(day: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(currentIntlTag, { ...options, timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/**
 * The coach's statistics for their public page in the current club, from the
 * device's database only (the synced daily rows), so the last figures show
 * offline with the date they were computed: a range (7/30/90 days or custom),
 * the figures at a glance, views and daily visitors per day, the funnels step by
 * step with both rates, top offers, sources and campaigns, and a CSV of the range.
 */
@customElement('coach-analytics-page')
export class CoachAnalyticsPage extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    css`
      section {
        margin-bottom: var(--ts-space-6);
        min-width: 0;
      }
      .muted {
        color: var(--ts-color-muted);
      }
      .as-of {
        font-weight: 600;
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
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
        gap: var(--ts-space-2);
        margin-bottom: var(--ts-space-3);
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
        font-size: 1.5rem;
        font-weight: 700;
        line-height: 1.2;
        font-variant-numeric: tabular-nums;
        overflow-wrap: anywhere;
      }
      .tile .label {
        display: block;
        font-size: 0.875rem;
      }
      .tile .hint {
        display: block;
        font-size: 0.8125rem;
        color: var(--ts-color-muted);
      }
      .funnels {
        display: grid;
        gap: var(--ts-space-5);
      }
      .tile.wide {
        grid-column: 1 / -1;
      }
      ol.steps,
      ul.list {
        margin: 0 0 var(--ts-space-3);
        padding: 0;
        list-style: none;
        display: grid;
        gap: var(--ts-space-2);
      }
      ol.steps li,
      ul.list li {
        border-inline-start: 4px solid var(--ts-color-brand);
        padding-inline-start: var(--ts-space-2);
      }
      .count {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--ts-space-2) var(--ts-space-3);
      }
      .note {
        font-size: 0.9375rem;
        color: var(--ts-color-muted);
      }
    `,
  ];

  readonly #organization = new CurrentOrganizationController(this);
  readonly #online = new OnlineController(this);
  readonly #data = new LocalQueryController(
    this,
    (engine, onChange: (d: CoachAnalyticsData) => void) => observeCoachAnalytics(engine, onChange),
  );

  @state() private range: AnalyticsRange = { kind: 'last', days: 30 };
  /** the custom dates being typed, applied with «Показать» */
  @state() private customFrom = '';
  @state() private customTo = '';
  @state() private customOpen = false;
  @state() private problem: RangeProblem | null = null;

  override render() {
    return html`
      <h1>${t.title}</h1>
      <p class="muted">${t.intro}</p>
      ${this.renderBody()}
      <section aria-labelledby="collected">
        <h2 id="collected">${t.collected.title}</h2>
        <p class="note">${t.collected.body}</p>
      </section>
    `;
  }

  /** the current club, when the person may have a public page there (coach and up) */
  private staffOrg() {
    const org = this.#organization.current;
    return org && ['owner', 'admin', 'coach'].includes(org.role) ? org : null;
  }

  private renderBody() {
    if (this.#organization.loaded && !this.staffOrg()) {
      return html`<ts-notice><p>${t.notCoach}</p></ts-notice>`;
    }
    const org = this.staffOrg();
    const data = this.#data.value;
    if (!org || !data || !this.#data.engine) {
      return html`<p class="muted" role="status">${t.loading}</p>`;
    }
    const zone = data.zones.get(org.orgId) ?? 'UTC';
    const scope = { orgId: org.orgId, coachId: this.#data.engine.userId };
    const asOf = figuresAsOf(data.days, scope);
    if (asOf === null) return this.renderEmpty();
    const today = clubToday(Date.now(), zone);
    const resolved = resolveRange(this.range, today);
    // an applied range is always valid (apply refuses others); the fallback only guards types
    const range: ResolvedRange = resolved.ok ? resolved.range : { from: today, to: today, days: 1 };
    const summary = summarize(data.days, data.funnels, { ...scope, range });
    return html`
      <p class="muted">${t.forClub(org.name)}</p>
      <p class="as-of" role="status">${t.asOf(this.formatAsOf(asOf))}</p>
      ${this.#online.online ? nothing : html`<ts-notice tone="warning"><p>${t.offline}</p></ts-notice>`}
      ${this.renderRange(summary.range, today)}
      ${summary.rowsInRange === 0 ? html`<ts-notice><p>${t.quietRange}</p></ts-notice>` : nothing}
      ${this.renderTiles(summary)} ${this.renderDaily(summary)} ${this.renderFunnels(summary)}
      ${this.renderOffers(summary)} ${this.renderSources(summary)} ${this.renderCampaigns(summary)}
      <section aria-labelledby="csv">
        <div class="actions">
          <button
            id="csv"
            class="button secondary"
            type="button"
            @click=${() => this.exportCsv(summary)}
          >
            ${t.csv.button}
          </button>
          <span class="note">${t.csv.hint}</span>
        </div>
      </section>
    `;
  }

  private renderEmpty() {
    return html`<section aria-labelledby="empty">
      <h2 id="empty">${t.empty.title}</h2>
      <p>${t.empty.body}</p>
      <p><a class="button secondary" href="/storefront">${t.empty.action}</a></p>
    </section>`;
  }

  /** «6 декабря, 15:42» on the device's clock, as the app bar's last sync */
  private formatAsOf(at: number): string {
    const date = new Intl.DateTimeFormat(currentIntlTag, { day: 'numeric', month: 'long' }).format(
      at,
    );
    const time = new Intl.DateTimeFormat(currentIntlTag, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
    return `${date}, ${time}`;
  }

  private renderRange(range: ResolvedRange, today: string) {
    const current = this.range;
    const preset = (days: (typeof rangePresets)[number]) =>
      html`<button
        class="button"
        type="button"
        aria-pressed=${current.kind === 'last' && current.days === days ? 'true' : 'false'}
        @click=${() => {
          this.range = { kind: 'last', days };
          this.customOpen = false;
          this.problem = null;
        }}
      >
        ${t.range.last(days)}
      </button>`;
    const customPressed = current.kind === 'custom' || this.customOpen;
    const long = { day: 'numeric', month: 'long', year: 'numeric' } as const;
    return html`<section aria-labelledby="range-legend">
      <fieldset>
        <legend id="range-legend">${t.range.legend}</legend>
        <div class="presets">
          ${rangePresets.map(preset)}
          <button
            class="button"
            type="button"
            aria-pressed=${customPressed ? 'true' : 'false'}
            aria-expanded=${customPressed ? 'true' : 'false'}
            aria-controls="custom"
            @click=${() => {
              this.customOpen = true;
              this.customFrom ||= range.from;
              this.customTo ||= range.to;
            }}
          >
            ${t.range.custom}
          </button>
        </div>
        ${
          customPressed
            ? html`<form id="custom" class="custom" @submit=${this.applyCustom} novalidate>
                <label
                  >${t.range.from}
                  <input
                    type="date"
                    name="from"
                    max=${today}
                    .value=${this.customFrom}
                    aria-invalid=${this.problem ? 'true' : 'false'}
                    aria-describedby="range-error"
                    @input=${(e: Event) => (this.customFrom = (e.target as HTMLInputElement).value)}
                /></label>
                <label
                  >${t.range.to}
                  <input
                    type="date"
                    name="to"
                    max=${today}
                    .value=${this.customTo}
                    aria-invalid=${this.problem ? 'true' : 'false'}
                    aria-describedby="range-error"
                    @input=${(e: Event) => (this.customTo = (e.target as HTMLInputElement).value)}
                /></label>
                <button class="button" type="submit">${t.range.apply}</button>
              </form>`
            : nothing
        }
        <p id="range-error" class="error" role="alert">
          ${this.problem ? t.range.problems[this.problem] : ''}
        </p>
      </fieldset>
      <p class="muted">${t.range.shown(dayLabel(range.from, long), dayLabel(range.to, long))}</p>
    </section>`;
  }

  private applyCustom(event: Event): void {
    event.preventDefault();
    const org = this.staffOrg();
    const zone = (org && this.#data.value?.zones.get(org.orgId)) ?? 'UTC';
    const range: AnalyticsRange = { kind: 'custom', from: this.customFrom, to: this.customTo };
    const resolved = resolveRange(range, clubToday(Date.now(), zone));
    if (!resolved.ok) {
      // a bad range changes nothing: the figures shown stay those of the last good one
      this.problem = resolved.problem;
      return;
    }
    this.problem = null;
    this.range = range;
  }

  private get integer() {
    return new Intl.NumberFormat(currentIntlTag);
  }

  private percent(rate: number | null): string {
    if (rate === null) return t.kpi.noRate;
    return new Intl.NumberFormat(currentIntlTag, {
      style: 'percent',
      maximumFractionDigits: 1,
    }).format(rate);
  }

  private renderTiles(s: AnalyticsSummary) {
    const n = (v: number) => this.integer.format(v);
    const tile = (label: string, value: string, hint = '', wide = false) =>
      html`<li class="tile ${wide ? 'wide' : ''}">
        <span class="value">${value}</span><span class="label">${label}</span>${
          hint ? html`<span class="hint">${hint}</span>` : nothing
        }
      </li>`;
    const revenue =
      s.revenue.length === 0
        ? t.kpi.noRevenue
        : s.revenue.map((r) => formatMoney(r.minor, r.currency, currentIntlTag)).join(' + ');
    return html`<section aria-labelledby="kpi">
      <h2 id="kpi">${t.kpi.title}</h2>
      <ul class="tiles">
        ${tile(t.kpi.pageViews, n(s.totals.pageViews))}
        ${tile(t.kpi.dailyVisitors, n(s.totals.dailyVisitors))}
        ${tile(t.kpi.offerViews, n(s.totals.offerViews))}
        ${tile(t.kpi.checkoutsStarted, n(s.totals.checkoutsStarted))}
        ${tile(t.kpi.checkoutsCompleted, n(s.totals.checkoutsCompleted))}
        ${tile(t.kpi.purchases, n(s.totals.purchases))}
        ${tile(t.kpi.bookings, n(s.totals.bookingsCreated))}
        ${tile(t.kpi.bookingsCancelled, n(s.totals.bookingsCancelled))}
        ${tile(t.kpi.enrollments, n(s.totals.enrollments))}
        ${tile(t.kpi.lessons, n(s.totals.lessonsCompleted))}
        ${tile(t.kpi.conversion, this.percent(s.conversion.purchases), t.kpi.conversionHint)}
        ${tile(
          t.kpi.bookingConversion,
          this.percent(s.conversion.bookings),
          t.kpi.bookingConversionHint,
        )}
        ${tile(t.kpi.revenue, revenue, '', true)}
      </ul>
      <p class="note">${t.kpi.dailyVisitors}: ${t.kpi.dailyVisitorsHint}</p>
    </section>`;
  }

  private renderDaily(s: AnalyticsSummary) {
    const spec: ChartSpec = {
      // a week or less reads better as bars; a single day as a line is a lone dot
      kind: s.range.days <= 7 ? 'bar' : 'line',
      caption: t.daily.caption,
      labelHeading: t.daily.day,
      labels: s.daily.map((d) => dayLabel(d.day, { day: 'numeric', month: 'short' })),
      series: [
        { label: t.kpi.pageViews, values: s.daily.map((d) => d.pageViews) },
        { label: t.kpi.dailyVisitors, values: s.daily.map((d) => d.dailyVisitors) },
      ],
    };
    return html`<section><ts-chart-figure .spec=${spec}></ts-chart-figure></section>`;
  }

  private renderFunnels(s: AnalyticsSummary) {
    return html`<section aria-labelledby="funnels">
      <h2 id="funnels">${t.funnels.title}</h2>
      <p class="note">${t.funnels.intro}</p>
      <div class="funnels">${s.funnels.map((f) => this.renderFunnel(f))}</div>
    </section>`;
  }

  private renderFunnel(f: FunnelFigures) {
    const name = t.funnels.names[f.key] ?? f.key;
    const stepName = (step: string) => t.steps[step] ?? step;
    const spec: ChartSpec = {
      kind: 'funnel',
      caption: name,
      labels: f.steps.map(stepName),
      series: [{ label: t.funnels.unit, values: f.counts }],
    };
    const hours = new Intl.NumberFormat(currentIntlTag, { maximumFractionDigits: 1 }).format(
      f.windowMinutes / 60,
    );
    return html`<div class="funnel" data-funnel=${f.key}>
      <ts-chart-figure .spec=${spec} style="--ts-chart-height: 160px"></ts-chart-figure>
      <ol class="steps">
        ${f.steps.map((step, i) => {
          const rates = f.rates[i];
          return html`<li data-step=${step}>
            <span class="name">${stepName(step)}</span>:
            <span class="count">${this.integer.format(f.counts[i] ?? 0)}</span>
            ${
              i === 0 || !rates
                ? nothing
                : html`<br /><span class="note"
                      >${t.funnels.fromPrevious(this.percent(rates.fromPrevious))} ·
                      ${t.funnels.overall(this.percent(rates.overall))}</span
                    >`
            }
          </li>`;
        })}
      </ol>
      <p class="note">${t.funnels.window(hours)}</p>
    </div>`;
  }

  private renderOffers(s: AnalyticsSummary) {
    const n = (v: number) => this.integer.format(v);
    return html`<section aria-labelledby="offers">
      <h2 id="offers">${t.offers.title}</h2>
      ${
        s.offers.length === 0
          ? html`<p class="muted">${t.offers.empty}</p>`
          : html`<ul class="list">
              ${s.offers.slice(0, 10).map(
                (o) =>
                  html`<li>
                    <span class="name">${o.name}</span>
                    <span class="muted">(${t.offers.kinds[o.kind]})</span><br />
                    <span class="note"
                      >${t.offers.figures(n(o.views), n(o.checkouts), n(o.purchases), n(o.bookings))}</span
                    >
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  private renderSources(s: AnalyticsSummary) {
    const top = s.sources.slice(0, 8);
    const spec: ChartSpec = {
      kind: 'bar',
      caption: t.sources.caption,
      labelHeading: t.sources.heading,
      labels: top.map((x) => (x.domain === '' ? t.sources.direct : x.domain)),
      series: [
        { label: t.sources.visitors, values: top.map((x) => x.visitors) },
        { label: t.kpi.pageViews, values: top.map((x) => x.views) },
      ],
    };
    return html`<section aria-labelledby="sources">
      <h2 id="sources">${t.sources.title}</h2>
      ${
        top.length === 0
          ? html`<p class="muted">${t.sources.empty}</p>`
          : html`<ts-chart-figure .spec=${spec}></ts-chart-figure>`
      }
    </section>`;
  }

  private renderCampaigns(s: AnalyticsSummary) {
    const n = (v: number) => this.integer.format(v);
    const tag = (value: string | null) => value ?? t.campaigns.none;
    return html`<section aria-labelledby="campaigns">
      <h2 id="campaigns">${t.campaigns.title}</h2>
      ${
        s.campaigns.length === 0
          ? html`<p class="muted">${t.campaigns.empty}</p>`
          : html`<ul class="list">
              ${s.campaigns.slice(0, 10).map(
                (c) =>
                  html`<li>
                    <span class="name">${tag(c.campaign)}</span>
                    <span class="muted">${tag(c.source)} / ${tag(c.medium)}</span><br />
                    <span class="note">${t.campaigns.figures(n(c.visitors), n(c.views))}</span>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  private exportCsv(s: AnalyticsSummary): void {
    const csv = analyticsCsv(s, {
      day: t.csv.day,
      total: t.csv.total,
      columns: t.csv.columns,
      revenue: t.csv.revenue,
    });
    downloadFile(csv, `${t.csv.filename(s.range.from, s.range.to)}.csv`, 'text/csv;charset=utf-8');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'coach-analytics-page': CoachAnalyticsPage;
  }
}
