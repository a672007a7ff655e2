import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ChartSeries, ChartSpec } from '../../domain/chart-spec.ts';
import {
  figureTable,
  lastComputedAt,
  type ClubCell,
  type ClubFigure,
  type FigureRow,
  type FigureTable,
} from '../../domain/club-analytics.ts';
import { formatMoney, minorDigits } from '../../domain/money.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import '../../ui/chart-figure.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { formatDateTime } from '../../ui/time-format.ts';
import '../../ui/ts-notice.ts';
import { loadAdminChrome } from '../admin/index.ts';
import { observeClubDashboard, type ClubDashboard } from './club-analytics-data.ts';
import { clubAnalyticsStrings as t } from './club-analytics-strings.ts';

// a suppressed cell in a chart's table reads as the page's own tables do
// (read when drawn: the strings follow the locale)
const hiddenCell = () => ({ label: t.hidden, note: t.hiddenShort });

// the admin screens' gate, header and styles, loaded with this page (the shell
// imports the admin entry and should not carry them)
const { adminGate, adminHeader, adminStyles } = await loadAdminChrome();

const integer = new Intl.NumberFormat(currentIntlTag, { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat(currentIntlTag, {
  style: 'percent',
  maximumFractionDigits: 1,
});

/** '2026-03' as «март 2026 г.» / "Mar 2026"; a season ('2025-2026') as it is */
export function periodLabel(period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!month) return period;
  const at = Date.UTC(Number(month[1]), Number(month[2]) - 1, 15);
  return new Intl.DateTimeFormat(currentIntlTag, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(at);
}

/** a cell's value as the page writes it; null when hidden */
function formatValue(figure: ClubFigure, value: number, currency: string | null): string {
  if (figure === 'attendance_rate') return percent.format(value / 100);
  if (figure === 'revenue' && currency) return formatMoney(value, currency, currentIntlTag);
  return integer.format(value);
}

/** a row's name: the club, «no group», a group, rank or product */
function rowLabel(figure: ClubFigure, row: FigureRow, table: FigureTable): string {
  if (row.isTotal) {
    if (figure !== 'revenue') return t.club;
    const totals = table.rows.filter((r) => r.isTotal).length;
    return totals > 1 && row.currency ? t.totalIn(row.currency) : t.total;
  }
  if (row.dimension === 'none') return t.noGroup;
  return row.label || row.dimension;
}

/** the value drawn for a cell: null (a gap) when hidden or absent; money in major units */
function plotted(cell: ClubCell | undefined): number | null {
  if (!cell || cell.suppressed || cell.value === null) return null;
  if (cell.figure === 'revenue' && cell.currency)
    return cell.value / 10 ** minorDigits(cell.currency);
  return cell.value;
}

/**
 * The club's aggregate figures for its owners and admins: members over time,
 * attendance by group and month, new ranks this season, revenue by product.
 * Read only from the device (the cells are synced), so offline it shows the
 * last figures with the time they last changed. A hidden cell (fewer than 5
 * people, or one that would give such a figure away) reads «скрыто», and the
 * page says why.
 */
@customElement('club-analytics-page')
export class ClubAnalyticsPage extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--ts-space-3);
        margin-bottom: var(--ts-space-4);
      }
      .stamp {
        margin: 0;
      }
      .scroll {
        overflow-x: auto;
        margin-top: var(--ts-space-2);
      }
      table {
        border-collapse: collapse;
        font-size: 0.9375rem;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: var(--ts-space-1) var(--ts-space-3) var(--ts-space-1) 0;
        border-bottom: 1px solid var(--ts-color-border);
        text-align: end;
        vertical-align: top;
      }
      th:first-child {
        text-align: start;
      }
      thead th {
        font-weight: 600;
        color: var(--ts-color-muted);
      }
      .people {
        display: block;
        font-size: 0.8125rem;
        color: var(--ts-color-muted);
        white-space: nowrap;
      }
      .hidden {
        color: var(--ts-color-muted);
        font-style: italic;
        white-space: nowrap;
      }
      .explain {
        margin: 0 0 var(--ts-space-4);
      }
      .note {
        color: var(--ts-color-muted);
        font-size: 0.875rem;
        margin: var(--ts-space-2) 0 0;
      }
    `,
  ];

  /** from the URL */
  @property() orgId = '';

  readonly #query = new LocalQueryController(
    this,
    (engine, onChange: (data: ClubDashboard) => void) =>
      observeClubDashboard(engine, this.orgId, onChange),
    { key: () => this.orgId },
  );
  readonly #online = new OnlineController(this);

  override render() {
    const data = this.#query.value;
    const gate = adminGate(data?.admin, t.title);
    if (gate || !data) return gate;
    const { admin, cells } = data;
    const last = lastComputedAt(cells);
    const at = last ? formatDateTime(Date.parse(last), admin.timeZone) : '';
    return html`
      <h1>${t.title}</h1>
      ${adminHeader(admin, 'analytics')}
      <p class="muted">${t.intro}</p>
      ${
        cells.length === 0
          ? html`<ts-notice><p>${t.nothingYet}</p></ts-notice>`
          : html`
              <div class="actions">
                ${
                  this.#online.online
                    ? html`<p class="stamp" data-testid="changed-at">${t.changedAt(at)}</p>`
                    : html`<ts-notice><p data-testid="changed-at">${t.offline(at)}</p></ts-notice>`
                }
                <button
                  class="button secondary"
                  type="button"
                  @click=${() => this.exportCsv(cells)}
                >
                  ${t.csv}
                </button>
              </div>
              ${cells.some((c) => c.suppressed) ? html`<p class="explain">${t.hiddenNote}</p>` : nothing}
              ${this.renderMembers(cells)} ${this.renderAttendance(cells)}
              ${this.renderRanks(cells)} ${this.renderRevenue(cells)}
            `
      }
    `;
  }

  private renderCell(cell: ClubCell | undefined, withPeople: boolean): TemplateResult | string {
    if (!cell) return '—';
    if (cell.suppressed || cell.value === null) {
      return html`<span class="hidden" title=${t.hiddenLong}>${t.hidden}</span>`;
    }
    const figure = cell.figure as ClubFigure;
    return html`${formatValue(figure, cell.value, cell.currency)}${
      withPeople && cell.people !== null
        ? html`<span class="people">${t.people(cell.people)}</span>`
        : nothing
    }`;
  }

  /** a figure's section: heading, chart (when something is shown), the table, the note */
  private section(
    id: string,
    title: string,
    table: FigureTable,
    spec: ChartSpec | null,
    grid: TemplateResult,
  ): TemplateResult {
    if (table.rows.length === 0) return html``;
    const drawn = spec?.series.some((s) => s.values.some((v) => v !== null)) ?? false;
    return html`<section aria-labelledby=${id} data-figure=${table.figure}>
      <h2 id=${id}>${title}</h2>
      ${drawn && spec ? html`<ts-chart-figure .spec=${spec}></ts-chart-figure>` : nothing}
      <div class="scroll" tabindex="0" role="region" aria-label=${title}>${grid}</div>
      ${table.hasSuppressed ? html`<p class="note">${t.hiddenShort}</p>` : nothing}
    </section>`;
  }

  /** periods down, one column per row of the figure (the club first) */
  private periodGrid(table: FigureTable, caption: string, withPeople: boolean): TemplateResult {
    const periods = [...table.periods].reverse();
    return html`<table>
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.period}</th>
          ${table.rows.map((r) => html`<th scope="col">${rowLabel(table.figure, r, table)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${periods.map(
          (p) =>
            html`<tr>
              <th scope="row">${periodLabel(p)}</th>
              ${table.rows.map((r) => html`<td>${this.renderCell(r.cells.get(p), withPeople)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private series(table: FigureTable, rows: readonly FigureRow[]): ChartSeries[] {
    return rows.map((r) => ({
      label: rowLabel(table.figure, r, table),
      values: table.periods.map((p) => plotted(r.cells.get(p))),
    }));
  }

  private renderMembers(cells: readonly ClubCell[]) {
    const table = figureTable(cells, 'members');
    const spec: ChartSpec = {
      missing: hiddenCell(),
      kind: 'line',
      caption: t.members.caption,
      labels: table.periods.map(periodLabel),
      series: this.series(table, table.rows).map((s) => ({ ...s, label: t.members.series })),
      format: (n) => integer.format(n),
    };
    return this.section(
      'club-members',
      t.members.title,
      table,
      spec,
      this.periodGrid(table, t.members.caption, false),
    );
  }

  private renderAttendance(cells: readonly ClubCell[]) {
    const table = figureTable(cells, 'attendance_rate');
    const spec: ChartSpec = {
      missing: hiddenCell(),
      kind: 'line',
      caption: t.attendance.caption,
      labels: table.periods.map(periodLabel),
      series: this.series(table, table.rows),
      format: (n) => percent.format(n / 100),
    };
    return this.section(
      'club-attendance',
      t.attendance.title,
      table,
      spec,
      this.periodGrid(table, t.attendance.caption, true),
    );
  }

  private renderRanks(cells: readonly ClubCell[]) {
    const table = figureTable(cells, 'rank_progression');
    const seasons = [...table.periods].reverse();
    const ranks = table.rows.filter((r) => !r.isTotal);
    const spec: ChartSpec = {
      missing: hiddenCell(),
      kind: 'bar',
      caption: t.ranks.caption,
      labels: ranks.map((r) => rowLabel(table.figure, r, table)),
      series: seasons.map((s) => ({ label: s, values: ranks.map((r) => plotted(r.cells.get(s))) })),
      labelHeading: t.rank,
      format: (n) => integer.format(n),
    };
    // ranks down (the club's total first), a column per season, the current one first
    const grid = html`<table>
      <caption class="visually-hidden">
        ${t.ranks.caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.rank}</th>
          ${seasons.map((s) => html`<th scope="col">${s}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${table.rows.map(
          (r) =>
            html`<tr>
              <th scope="row">${rowLabel(table.figure, r, table)}</th>
              ${seasons.map((s) => html`<td>${this.renderCell(r.cells.get(s), false)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>`;
    return this.section('club-ranks', t.ranks.title, table, spec, grid);
  }

  private renderRevenue(cells: readonly ClubCell[]) {
    const table = figureTable(cells, 'revenue');
    const products = table.rows.filter((r) => !r.isTotal);
    const currency = table.rows[0]?.currency ?? 'RUB';
    const spec: ChartSpec = {
      missing: hiddenCell(),
      kind: 'stacked-bar',
      caption: t.revenue.caption,
      labels: table.periods.map(periodLabel),
      series: this.series(table, products),
      format: (n) =>
        formatMoney(Math.round(n * 10 ** minorDigits(currency)), currency, currentIntlTag),
    };
    return this.section(
      'club-revenue',
      t.revenue.title,
      table,
      spec,
      this.periodGrid(table, t.revenue.caption, true),
    );
  }

  private async exportCsv(cells: readonly ClubCell[]): Promise<void> {
    const { downloadClubCsv } = await import('./club-analytics-export.ts');
    downloadClubCsv(cells, periodLabel);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'club-analytics-page': ClubAnalyticsPage;
  }
}
