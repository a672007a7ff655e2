import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  APPLICATION_PAGE_SIZE,
  APPLICATION_SORT_COLUMNS,
  DEFAULT_LIST_QUERY,
  filterBy,
  pageCount,
  sortBy,
  type ApplicationListQuery,
  type ApplicationSortColumn,
} from '../../domain/partner-application-list.ts';
import { APPLICATION_STATUSES, PARTNERSHIP_TYPES } from '../../domain/partner-application.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import '../../ui/ts-notice.ts';
import { type ApplicationListRow, loadApplications } from './partner-review-data.ts';
import { partnerReviewStrings as t } from './partner-review-strings.ts';
import { applicationTone, reviewStyles } from './partner-review-styles.ts';
import { PlatformGate } from '../../state/platform-gate.ts';
import { gateNotice } from '../../ui/gate-notice.ts';
import { reviewNav } from './review-nav.ts';

type ListState =
  | { status: 'loading' }
  | { status: 'ready'; rows: ApplicationListRow[]; total: number }
  | { status: 'error'; message: string };

/** the columns shown, in order; each header sorts by its column */
const SHOWN: readonly ApplicationSortColumn[] = [
  'company_name',
  'contact_name',
  'partnership_type',
  'company_size',
  'status',
  'created_at',
  'decided_at',
];

/**
 * The platform admins' list of partner applications: filtered by status and type,
 * sorted by any column, 20 a page — all done by the server (one query through
 * RLS), so the list is whole however many there are. Online only.
 */
@customElement('partner-applications-page')
export class PartnerApplicationsPage extends LitElement {
  static override styles = reviewStyles;

  readonly #gate = new PlatformGate(this);
  @state() private query: ApplicationListQuery = DEFAULT_LIST_QUERY;
  @state() private list: ListState = { status: 'loading' };
  #loadedKey = '';
  #generation = 0;

  override willUpdate(): void {
    const key = JSON.stringify(this.query);
    if (this.#gate.state === 'ready' && key !== this.#loadedKey) {
      this.#loadedKey = key;
      void this.load();
    }
    if (this.#gate.state === 'offline') this.#loadedKey = '';
  }

  private async load(): Promise<void> {
    const client = this.#gate.client;
    if (!client) return;
    const generation = ++this.#generation;
    if (this.list.status !== 'ready') this.list = { status: 'loading' };
    const r = await loadApplications(client, this.query);
    if (generation !== this.#generation) return;
    this.list = r.ok
      ? { status: 'ready', rows: r.value.rows, total: r.value.total }
      : { status: 'error', message: r.error.message };
  }

  override render() {
    const gate = gateNotice(this.#gate.state, t.listTitle, t);
    if (gate) return gate;
    return html`<h1>${t.listTitle}</h1>
      ${reviewNav('list')} ${this.renderFilters()} ${this.renderList()}`;
  }

  private renderFilters() {
    const q = this.query;
    return html`<div class="filters" role="group" aria-label=${t.filters}>
      <label
        >${t.statusLabel}
        <select
          name="status"
          @change=${(e: Event) =>
            (this.query = filterBy(this.query, {
              status: (e.target as HTMLSelectElement).value,
            }))}
        >
          <option value="" ?selected=${q.status === null}>${t.allStatuses}</option>
          ${APPLICATION_STATUSES.map(
            (s) => html`<option value=${s} ?selected=${q.status === s}>${t.status[s]}</option>`,
          )}
        </select>
      </label>
      <label
        >${t.typeLabel}
        <select
          name="type"
          @change=${(e: Event) =>
            (this.query = filterBy(this.query, { type: (e.target as HTMLSelectElement).value }))}
        >
          <option value="" ?selected=${q.type === null}>${t.allTypes}</option>
          ${PARTNERSHIP_TYPES.map(
            (s) => html`<option value=${s} ?selected=${q.type === s}>${t.type[s]}</option>`,
          )}
        </select>
      </label>
      <label class="wide"
        >${t.sortLabel}
        <select
          name="sort"
          @change=${(e: Event) => {
            const [column, dir] = (e.target as HTMLSelectElement).value.split(':');
            this.query = {
              ...this.query,
              sort: column as ApplicationSortColumn,
              ascending: dir === 'asc',
              page: 0,
            };
          }}
        >
          ${APPLICATION_SORT_COLUMNS.flatMap((c) =>
            (['desc', 'asc'] as const).map(
              (dir) =>
                html`<option
                  value=${`${c}:${dir}`}
                  ?selected=${q.sort === c && q.ascending === (dir === 'asc')}
                >
                  ${t.columns[c]}, ${dir === 'asc' ? t.ascending : t.descending}
                </option>`,
            ),
          )}
        </select>
      </label>
    </div>`;
  }

  private renderList() {
    const list = this.list;
    if (list.status === 'loading') return html`<p class="muted" role="status">${t.loading}</p>`;
    if (list.status === 'error') {
      return html`<ts-notice tone="error"><p>${list.message}</p></ts-notice>
        <button class="button secondary" @click=${() => void this.load()}>${t.retry}</button>`;
    }
    if (list.rows.length === 0) return html`<p class="muted" role="status">${t.empty}</p>`;
    const q = this.query;
    const first = q.page * APPLICATION_PAGE_SIZE + 1;
    const last = first + list.rows.length - 1;
    const pages = pageCount(list.total);
    const date = new Intl.DateTimeFormat(currentIntlTag, { dateStyle: 'medium' });
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${t.listTitle}>
        <table>
          <thead>
            <tr>
              ${SHOWN.map(
                (c) =>
                  html`<th
                    scope="col"
                    aria-sort=${q.sort === c ? (q.ascending ? 'ascending' : 'descending') : 'none'}
                  >
                    <button type="button" @click=${() => (this.query = sortBy(this.query, c))}>
                      ${t.columns[c]}${q.sort === c ? (q.ascending ? ' ↑' : ' ↓') : ''}
                    </button>
                  </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${list.rows.map(
              (r) =>
                html`<tr>
                  <td><a href=${`/platform/applications/${r.id}`}>${r.company_name}</a></td>
                  <td>${r.contact_name}</td>
                  <td>${t.type[r.partnership_type] ?? r.partnership_type}</td>
                  <td>${t.size(r.company_size)}</td>
                  <td>
                    <span class="status" data-tone=${applicationTone(r.status)}
                      >${t.status[r.status] ?? r.status}</span
                    >
                  </td>
                  <td>${date.format(new Date(r.created_at))}</td>
                  <td>${r.decided_at ? date.format(new Date(r.decided_at)) : t.none}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="pager">
        <button
          class="button secondary"
          ?disabled=${q.page === 0}
          @click=${() => (this.query = { ...this.query, page: this.query.page - 1 })}
        >
          ${t.previous}
        </button>
        <span role="status">${t.shown(first, last, list.total)}</span>
        <button
          class="button secondary"
          ?disabled=${q.page + 1 >= pages}
          @click=${() => (this.query = { ...this.query, page: this.query.page + 1 })}
        >
          ${t.next}
        </button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-applications-page': PartnerApplicationsPage;
  }
}
