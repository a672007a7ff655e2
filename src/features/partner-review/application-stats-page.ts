import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { defaultStatsPeriod } from '../../domain/partner-application-list.ts';
import { APPLICATION_STATUSES, PARTNERSHIP_TYPES } from '../../domain/partner-application.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import '../../ui/ts-notice.ts';
import { type ApplicationStats, loadApplicationStats } from './partner-review-data.ts';
import { partnerReviewStrings as t } from './partner-review-strings.ts';
import { reviewStyles } from './partner-review-styles.ts';
import { PlatformGate } from '../../state/platform-gate.ts';
import { gateNotice } from '../../ui/gate-notice.ts';
import { reviewNav } from './review-nav.ts';

type StatsState =
  | { status: 'loading' }
  | { status: 'ready'; stats: ApplicationStats }
  | { status: 'error'; message: string };

/**
 * The applications' statistics for a period (UTC days): how many, by status and
 * by type, week by week, the share approved among those decided and the median
 * time to a decision — counted by the database (partner_application_stats).
 */
@customElement('partner-application-stats-page')
export class PartnerApplicationStatsPage extends LitElement {
  static override styles = reviewStyles;

  readonly #gate = new PlatformGate(this);
  @state() private period = defaultStatsPeriod(Date.now());
  @state() private draft = this.period;
  @state() private periodError = '';
  @state() private stats: StatsState = { status: 'loading' };
  #loadedKey = '';

  override willUpdate(): void {
    const key = `${this.period.from}/${this.period.to}`;
    if (this.#gate.state === 'ready' && key !== this.#loadedKey) {
      this.#loadedKey = key;
      void this.load();
    }
    if (this.#gate.state === 'offline') this.#loadedKey = '';
  }

  private async load(): Promise<void> {
    const client = this.#gate.client;
    if (!client) return;
    this.stats = { status: 'loading' };
    const r = await loadApplicationStats(client, this.period.from, this.period.to);
    this.stats = r.ok
      ? { status: 'ready', stats: r.value }
      : { status: 'error', message: r.error.message };
  }

  override render() {
    const gate = gateNotice(this.#gate.state, t.statsTitle, t);
    if (gate) return gate;
    return html`<h1>${t.statsTitle}</h1>
      ${reviewNav('stats')}
      <form class="filters" novalidate @submit=${this.show}>
        <label
          >${t.from}
          <input
            type="date"
            name="from"
            .value=${this.draft.from}
            aria-invalid=${this.periodError ? 'true' : 'false'}
            aria-describedby="period-error"
            @input=${(e: Event) =>
              (this.draft = { ...this.draft, from: (e.target as HTMLInputElement).value })}
        /></label>
        <label
          >${t.to}
          <input
            type="date"
            name="to"
            .value=${this.draft.to}
            aria-invalid=${this.periodError ? 'true' : 'false'}
            aria-describedby="period-error"
            @input=${(e: Event) =>
              (this.draft = { ...this.draft, to: (e.target as HTMLInputElement).value })}
        /></label>
        <button class="button" type="submit">${t.show}</button>
      </form>
      <p class="error" id="period-error" role="alert">${this.periodError}</p>
      ${this.renderStats()}`;
  }

  private readonly show = (e: Event): void => {
    e.preventDefault();
    const { from, to } = this.draft;
    const day = /^\d{4}-\d{2}-\d{2}$/;
    if (!day.test(from) || !day.test(to) || from > to) {
      this.periodError = t.periodInvalid;
      return;
    }
    this.periodError = '';
    this.period = { from, to };
  };

  private renderStats() {
    const s = this.stats;
    if (s.status === 'loading') return html`<p class="muted" role="status">${t.loading}</p>`;
    if (s.status === 'error') {
      return html`<ts-notice tone="error"><p>${s.message}</p></ts-notice>`;
    }
    const st = s.stats;
    const percent = new Intl.NumberFormat(currentIntlTag, {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    return html`<div class="figures">
        <p class="card figure">${t.total}<strong>${st.total}</strong></p>
        <p class="card figure">
          ${t.approvalRate}<strong
            >${st.approvalRate === null ? t.noValue : percent.format(st.approvalRate)}</strong
          >
        </p>
        <p class="card figure">
          ${t.median}<strong
            >${
              st.medianHoursToDecision === null ? t.noValue : t.hours(st.medianHoursToDecision)
            }</strong
          >
        </p>
      </div>
      <h2>${t.byStatus}</h2>
      <table class="narrow">
        <thead>
          <tr>
            <th scope="col">${t.statusLabel}</th>
            <th scope="col" class="number">${t.count}</th>
          </tr>
        </thead>
        <tbody>
          ${APPLICATION_STATUSES.map(
            (k) =>
              html`<tr>
                <th scope="row">${t.status[k]}</th>
                <td class="number">${st.byStatus[k] ?? 0}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <h2>${t.byType}</h2>
      <table class="narrow">
        <thead>
          <tr>
            <th scope="col">${t.typeLabel}</th>
            <th scope="col" class="number">${t.count}</th>
          </tr>
        </thead>
        <tbody>
          ${PARTNERSHIP_TYPES.map(
            (k) =>
              html`<tr>
                <th scope="row">${t.type[k]}</th>
                <td class="number">${st.byType[k] ?? 0}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <h2>${t.weekly}</h2>
      ${
        st.weekly.length
          ? html`<table class="narrow">
              <thead>
                <tr>
                  <th scope="col">${t.week}</th>
                  <th scope="col" class="number">${t.submitted}</th>
                  <th scope="col" class="number">${t.approvedCol}</th>
                  <th scope="col" class="number">${t.rejectedCol}</th>
                </tr>
              </thead>
              <tbody>
                ${st.weekly.map(
                  (w) =>
                    html`<tr>
                      <th scope="row">${w.week}</th>
                      <td class="number">${w.submitted}</td>
                      <td class="number">${w.approved}</td>
                      <td class="number">${w.rejected}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p class="muted">${t.empty}</p>
              ${nothing}`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-application-stats-page': PartnerApplicationStatsPage;
  }
}
