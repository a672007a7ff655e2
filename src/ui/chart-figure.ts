import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { chartTable, type ChartSpec } from '../domain/chart-spec.ts';
import { chartStrings as t } from '../i18n/chart-strings.ts';
import { currentIntlTag } from '../i18n/locale.ts';
import type { Chart, ChartConfiguration } from './chart-library.ts';
import { sharedStyles } from './shared-styles.ts';

type AnyChart = Chart<'bar' | 'line', (number | null)[], string | string[]>;
type AnyConfig = ChartConfiguration<'bar' | 'line', (number | null)[], string | string[]>;

/** the theme's colours, read from the custom properties that reach this element */
interface Theme {
  text: string;
  muted: string;
  grid: string;
  font: string;
  series: string[];
}

function readTheme(host: HTMLElement): Theme {
  const style = getComputedStyle(host);
  const color = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: color('--ts-color-text', '#1c1b1a'),
    muted: color('--ts-color-muted', '#5c5753'),
    grid: color('--ts-color-border', '#e2ddd7'),
    font: style.fontFamily || 'system-ui, sans-serif',
    // brand first, then colours that stay apart for the common colour-blindnesses
    series: [
      color('--ts-color-brand', '#b3361d'),
      color('--ts-color-info', '#1d4ed8'),
      color('--ts-color-success', '#1f6b3a'),
      color('--ts-color-warning', '#8a4b00'),
      color('--ts-color-muted', '#5c5753'),
    ],
  };
}

/**
 * A funnel's step name on lines of about `width` characters: its axis sits
 * beside the bars, and on a 360 px phone a long name would be cut off.
 */
function wrapLabel(label: string, width: number): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines;
}

function chartConfig(spec: ChartSpec, theme: Theme, format: (n: number) => string): AnyConfig {
  const funnel = spec.kind === 'funnel';
  const stacked = spec.kind === 'stacked-bar';
  const series = funnel ? spec.series.slice(0, 1) : spec.series;
  const colour = (i: number) => theme.series[i % theme.series.length] ?? theme.text;
  const datasets = series.map((s, i) => ({
    label: s.label,
    data: [...s.values],
    backgroundColor: colour(i),
    borderColor: colour(i),
    borderWidth: spec.kind === 'line' ? 2 : 0,
    // lines apart by their dash too, so two equal series (or a reader without colour) still show two
    borderDash: spec.kind === 'line' && i > 0 ? [6, 4] : [],
    // a later (dashed) line is drawn over an earlier one, not hidden under it
    order: spec.kind === 'line' ? -i : 0,
    pointRadius: spec.kind === 'line' ? 2 : 0,
    spanGaps: false,
  }));
  const tick = (value: number | string) => (typeof value === 'number' ? format(value) : value);
  const valueAxis = {
    beginAtZero: true,
    stacked,
    grid: { color: theme.grid },
    ticks: { color: theme.muted, precision: 0, callback: tick },
  };
  const labelAxis = {
    stacked,
    grid: { display: false },
    ticks: { color: theme.muted, autoSkip: true, maxRotation: 0 },
  };
  return {
    type: spec.kind === 'line' ? 'line' : 'bar',
    data: { labels: spec.labels.map((l) => (funnel ? wrapLabel(l, 12) : l)), datasets },
    options: {
      indexAxis: funnel ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      // the figure appears with the page: no motion to wait for (and none for those who asked)
      animation: false,
      font: { family: theme.font },
      color: theme.text,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: {
          display: series.length > 1,
          position: 'bottom',
          // in the series' own order, whatever order they are drawn in
          labels: {
            color: theme.text,
            boxWidth: 12,
            sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
          },
        },
        tooltip: {
          callbacks: {
            label: (item) => {
              const value = funnel ? item.parsed.x : item.parsed.y;
              return `${item.dataset.label ?? ''}: ${value === null ? (spec.missing?.label ?? t.missing) : format(value)}`;
            },
          },
        },
      },
      scales: funnel ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
    },
  } as AnyConfig;
}

/**
 * @summary A chart with its numbers: the picture (drawn by Chart.js, which this
 * element loads with `import()` the first time one is shown, so only pages with
 * charts fetch it) is hidden from screen readers, and under it a real table holds
 * the same figures, folded in a `<details>` that anyone can open. A null value is
 * a gap in the picture and «—» in the table, with a note saying what it means.
 * Colours and font follow the app's custom properties; the canvas follows the
 * width it is given, 360 px phones included.
 */
@customElement('ts-chart-figure')
export class TsChartFigure extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        margin-bottom: var(--ts-space-5);
      }
      figure {
        margin: 0;
        min-width: 0;
      }
      figcaption {
        font-weight: 700;
        margin-bottom: var(--ts-space-2);
      }
      .canvas {
        position: relative;
        height: var(--ts-chart-height, 220px);
        min-width: 0;
      }
      details {
        margin-top: var(--ts-space-2);
      }
      summary {
        cursor: pointer;
        color: var(--ts-color-link);
        min-height: 44px;
        display: flex;
        align-items: center;
      }
      .scroll {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        font-size: 0.875rem;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: var(--ts-space-1) var(--ts-space-3) var(--ts-space-1) 0;
        border-bottom: 1px solid var(--ts-color-border);
        text-align: end;
        white-space: nowrap;
      }
      th:first-child,
      td:first-child {
        text-align: start;
      }
      .note {
        color: var(--ts-color-muted);
        font-size: 0.875rem;
        margin: var(--ts-space-1) 0 0;
      }
    `,
  ];

  /** what to draw; nothing is shown until it is set */
  @property({ attribute: false }) spec: ChartSpec | null = null;
  /** open the table from the start (a page where the table is the point) */
  @property({ type: Boolean, attribute: 'table-open' }) tableOpen = false;

  @state() private failed = false;
  @query('canvas') private canvas?: HTMLCanvasElement;
  private chart: AnyChart | null = null;
  private drawing = 0;

  private get format(): (n: number) => string {
    const integers = new Intl.NumberFormat(currentIntlTag, { maximumFractionDigits: 2 });
    return this.spec?.format ?? ((n) => integers.format(n));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // back in the page after a move: draw again what was destroyed above
    if (this.hasUpdated && this.spec) void this.draw();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('spec')) void this.draw();
  }

  private async draw(): Promise<void> {
    const spec = this.spec;
    const canvas = this.canvas;
    const run = ++this.drawing;
    if (!spec || !canvas) return;
    try {
      const { Chart } = await import('./chart-library.ts');
      if (run !== this.drawing || !this.isConnected) return;
      this.chart?.destroy();
      this.chart = new Chart(canvas, chartConfig(spec, readTheme(this), this.format)) as AnyChart;
      this.failed = false;
    } catch {
      // offline before the chart's chunk was ever cached: the table still tells everything
      this.failed = true;
    }
  }

  override render() {
    const spec = this.spec;
    if (!spec) return nothing;
    const percent = new Intl.NumberFormat(currentIntlTag, {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    const table = chartTable(
      spec,
      {
        labelHeading: spec.kind === 'funnel' ? t.stepHeading : t.labelHeading,
        rateOverall: t.rateOverall,
        rateFromPrevious: t.rateFromPrevious,
        missing: spec.missing?.label ?? t.missing,
      },
      this.format,
      (n) => percent.format(n),
    );
    return html`
      <figure>
        <figcaption>${spec.caption}</figcaption>
        <div class="canvas" aria-hidden="true"><canvas></canvas></div>
        ${this.failed ? html`<p class="note">${t.loadFailed}</p>` : nothing}
        <details ?open=${this.tableOpen || this.failed}>
          <summary>${t.showTable}</summary>
          <div class="scroll">
            <table>
              <caption class="visually-hidden">
                ${spec.caption}
              </caption>
              <thead>
                <tr>
                  ${table.head.map((h) => html`<th scope="col">${h}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${table.rows.map(
                  (r) =>
                    html`<tr>
                      <th scope="row">${r.label}</th>
                      ${r.cells.map((c) => html`<td>${c}</td>`)}
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${table.hasMissing ? html`<p class="note">${spec.missing?.note ?? t.missingNote}</p>` : nothing}
        </details>
      </figure>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ts-chart-figure': TsChartFigure;
  }
}
