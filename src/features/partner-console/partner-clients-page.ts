import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  CLIENT_FILTERS,
  CLIENT_SORTS,
  PAGE_SIZE,
  pageCount,
  type ClientFilter,
  type ClientSort,
} from '../../domain/partner-client.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import {
  consoleGate,
  consoleHeader,
  consoleStyles,
  formatRevenue,
  ResellerController,
} from './partner-chrome.ts';
import { loadClients, type ClientQuery, type ClientUsage } from './partner-console-data.ts';
import { partnerRefusal } from './partner-console-refusal.ts';
import { partnerConsoleStrings } from './partner-console-strings.ts';

const t = partnerConsoleStrings;

type ListState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; rows: ClientUsage[]; total: number }
  | { status: 'error'; message: string };

const sortLabel: Record<ClientSort, () => string> = {
  name: () => t.list.sortName,
  created_at: () => t.list.sortCreated,
  status: () => t.list.sortStatus,
  subscription_tier: () => t.list.sortTier,
};

/**
 * A reseller's clients, one page of 50 at a time: filtered by status, searched
 * by name, contact or address, sorted by the relationship's columns, each with
 * its members, active athletes, sessions and revenue of the last 30 days.
 * Online only: partner_clients is not synced.
 */
@customElement('partner-clients-page')
export class PartnerClientsPage extends LitElement {
  static override styles = [sharedStyles, consoleStyles];

  readonly #reseller = new ResellerController(this);
  @state() private query: ClientQuery = {
    status: null,
    search: '',
    sort: 'name',
    desc: false,
    limit: PAGE_SIZE,
    offset: 0,
  };
  @state() private list: ListState = { status: 'idle' };

  override willUpdate(): void {
    if (this.list.status === 'idle' && this.#reseller.reseller) {
      this.list = { status: 'loading' };
      void this.load();
    }
  }

  override render() {
    const gate = consoleGate(this.#reseller, t.titles.clients);
    const reseller = this.#reseller.reseller;
    if (gate || !reseller) return gate;
    return html`<h1>${t.titles.clients}</h1>
      ${consoleHeader(reseller, 'clients')} ${this.renderFilters()} ${this.renderList()}`;
  }

  private renderFilters() {
    const q = this.query;
    return html`<form class="card" role="search" @submit=${this.apply}>
      <div class="row">
        <label
          >${t.list.filter}
          <select name="status">
            <option value="" .selected=${q.status === null}>${t.list.all}</option>
            ${CLIENT_FILTERS.map(
              (s) => html`<option value=${s} .selected=${q.status === s}>${t.status[s]}</option>`,
            )}
          </select>
        </label>
        <label
          >${t.list.sort}
          <select name="sort">
            ${CLIENT_SORTS.map(
              (s) => html`<option value=${s} .selected=${q.sort === s}>${sortLabel[s]()}</option>`,
            )}
          </select>
        </label>
      </div>
      <label
        >${t.list.search}
        <span class="hint" id="search-hint">${t.list.searchHint}</span>
        <input name="search" type="search" .value=${q.search} aria-describedby="search-hint" />
      </label>
      <label class="check"
        ><input type="checkbox" name="desc" .checked=${q.desc} /> ${t.list.desc}</label
      >
      <div class="actions"><button class="button" type="submit">${t.list.apply}</button></div>
    </form>`;
  }

  private renderList() {
    const list = this.list;
    if (list.status === 'idle' || list.status === 'loading')
      return html`<p class="muted" role="status">${t.loading}</p>`;
    if (list.status === 'error')
      return html`<ts-notice tone="error"><p>${list.message}</p></ts-notice>`;
    if (list.rows.length === 0) {
      const filtered = this.query.status !== null || this.query.search.trim() !== '';
      return html`<p class="card after-list">${filtered ? t.list.noneFound : t.list.none}</p>`;
    }
    const page = Math.floor(this.query.offset / PAGE_SIZE) + 1;
    const pages = pageCount(list.total);
    const hidden = list.rows.some((r) => r.members === null);
    return html`<section class="after-list" aria-labelledby="clients-total">
      <p id="clients-total" role="status">${t.list.total(list.total)}</p>
      <div class="table-wrap" tabindex="0" role="region" aria-label=${t.list.caption}>
        <table class="cards-narrow">
          <caption>
            ${t.list.caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.list.club}</th>
              <th scope="col">${t.list.statusCol}</th>
              <th scope="col">${t.list.tierCol}</th>
              <th scope="col" class="num">${t.list.members}</th>
              <th scope="col" class="num">${t.list.athletes}</th>
              <th scope="col" class="num">${t.list.sessions}</th>
              <th scope="col" class="num">${t.list.revenue}</th>
            </tr>
          </thead>
          <tbody>
            ${list.rows.map((r) => this.renderRow(r))}
          </tbody>
        </table>
      </div>
      ${hidden ? html`<p class="muted">${t.list.hiddenNote}</p>` : nothing}
      <nav class="actions after-list" aria-label=${t.list.page(page, pages)}>
        <button
          class="button secondary"
          type="button"
          ?disabled=${page <= 1}
          @click=${() => this.go(-1)}
        >
          ${t.list.prev}
        </button>
        <span>${t.list.page(page, pages)}</span>
        <button
          class="button secondary"
          type="button"
          ?disabled=${page >= pages}
          @click=${() => this.go(1)}
        >
          ${t.list.next}
        </button>
      </nav>
    </section>`;
  }

  private renderRow(r: ClientUsage) {
    const status = r.revoked_at ? t.status.revoked : t.status[r.status];
    const tier = r.subscription_tier as keyof typeof t.tier;
    const figure = (n: number | null) => (n === null ? t.list.hidden : String(n));
    return html`<tr>
      <th scope="row"><a href="/partner/clients/${r.client_org_id}">${r.name}</a></th>
      <td data-label=${t.list.statusCol}>${status}</td>
      <td data-label=${t.list.tierCol}>${t.tier[tier] ?? r.subscription_tier}</td>
      <td class="num" data-label=${t.list.members}>${figure(r.members)}</td>
      <td class="num" data-label=${t.list.athletes}>${figure(r.active_athletes)}</td>
      <td class="num" data-label=${t.list.sessions}>${figure(r.sessions_30d)}</td>
      <td class="num" data-label=${t.list.revenue}>
        ${r.revenue_30d === null ? t.list.hidden : formatRevenue(r.revenue_30d, currentIntlTag)}
      </td>
    </tr>`;
  }

  private apply(e: Event): void {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const status = String(form.get('status') ?? '');
    const sort = String(form.get('sort') ?? 'name');
    this.query = {
      ...this.query,
      status: (CLIENT_FILTERS as readonly string[]).includes(status)
        ? (status as ClientFilter)
        : null,
      sort: (CLIENT_SORTS as readonly string[]).includes(sort) ? (sort as ClientSort) : 'name',
      search: String(form.get('search') ?? ''),
      desc: form.get('desc') === 'on',
      offset: 0,
    };
    void this.load();
  }

  private go(step: number): void {
    this.query = { ...this.query, offset: Math.max(0, this.query.offset + step * PAGE_SIZE) };
    void this.load();
  }

  private async load(): Promise<void> {
    const client = this.#reseller.client;
    const reseller = this.#reseller.reseller;
    if (!client || !reseller) return;
    this.list = { status: 'loading' };
    const result = await loadClients(client, reseller.id, this.query);
    this.list = result.ok
      ? { status: 'ready', ...result.data }
      : { status: 'error', message: partnerRefusal(result.error) };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-clients-page': PartnerClientsPage;
  }
}
