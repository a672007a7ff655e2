// The compliance table of a plan: athletes × weeks, done / planned, and each
// athlete's figure over the whole plan.
import { css, html } from 'lit';
import { compliancePercent, type Compliance } from '../../domain/training-plan.ts';
import type { CopyCompliance } from './plans-data.ts';
import { plansStrings as t } from './plans-strings.ts';

export const complianceStyles = css`
  .scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: var(--ts-space-1) var(--ts-space-2);
    border-bottom: 1px solid var(--ts-color-border);
    text-align: center;
    white-space: nowrap;
  }
  th[scope='row'] {
    text-align: left;
    position: sticky;
    left: 0;
    background: var(--ts-color-surface);
    white-space: normal;
    min-width: 7rem;
  }
`;

/** "3 of 4 (75%)", or "nothing due yet" */
export function complianceFigure(c: Pick<Compliance, 'done' | 'due'>): string {
  const percent = compliancePercent(c.done, c.due);
  return percent === null ? t.noneDue : t.complianceFigure(c.done, c.due, t.percent(percent));
}

export function renderComplianceTable(rows: readonly CopyCompliance[]) {
  if (rows.length === 0) return html`<p class="muted">${t.noCompliance}</p>`;
  const weeks = Math.max(...rows.map((r) => r.compliance.weeks.length));
  return html`<div class="scroll" tabindex="0">
    <table>
      <thead>
        <tr>
          <th scope="col">${t.complianceAthlete}</th>
          ${Array.from({ length: weeks }, (_, i) => html`<th scope="col">${i + 1}</th>`)}
          <th scope="col">${t.complianceTotal}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <th scope="row"><a href="/plans/${r.plan.id}">${r.athleteName}</a></th>
              ${Array.from({ length: weeks }, (_, i) => {
                const w = r.compliance.weeks[i];
                return html`<td>${w && w.due > 0 ? `${w.done}/${w.due}` : '—'}</td>`;
              })}
              <td>
                ${
                  compliancePercent(r.compliance.done, r.compliance.due) === null
                    ? '—'
                    : t.percent(compliancePercent(r.compliance.done, r.compliance.due) ?? 0)
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
