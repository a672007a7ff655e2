// An organization's audit entries as a table, newest first, 50 more at a time:
// the partner's (all its clients) on /partner/audit, the club's on its partner page.
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { currentIntlTag } from '../../i18n/locale.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { consoleStyles, formatWhen } from './partner-chrome.ts';
import { loadAudit, type AuditEntry } from './partner-console-data.ts';
import { partnerRefusal } from './partner-console-refusal.ts';
import { partnerConsoleStrings } from './partner-console-strings.ts';

const t = partnerConsoleStrings;

@customElement('partner-audit-list')
export class PartnerAuditList extends LitElement {
  static override styles = [sharedStyles, consoleStyles];

  /** a partner or a client club */
  @property() orgId = '';
  /** the table's caption */
  @property() caption = '';

  readonly #supabase = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  @state() private entries: AuditEntry[] = [];
  @state() private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private error = '';
  @state() private more = false;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('orgId')) {
      this.entries = [];
      this.status = 'idle';
    }
    if (this.status === 'idle' && this.orgId && this.#supabase.value) {
      this.status = 'loading';
      void this.load(null);
    }
  }

  /** read again from the newest entry (after an action on the page) */
  reload(): void {
    this.entries = [];
    this.status = 'loading';
    void this.load(null);
  }

  override render() {
    if (this.status === 'error')
      return html`<ts-notice tone="error"><p>${this.error}</p></ts-notice>`;
    if (this.status !== 'ready') return html`<p class="muted" role="status">${t.loading}</p>`;
    if (this.entries.length === 0) return html`<p class="card">${t.audit.none}</p>`;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.caption}>
        <table class="cards-narrow">
          <caption>
            ${this.caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.audit.when}</th>
              <th scope="col">${t.audit.who}</th>
              <th scope="col">${t.audit.client}</th>
              <th scope="col">${t.audit.action}</th>
              <th scope="col">${t.audit.reason}</th>
            </tr>
          </thead>
          <tbody>
            ${this.entries.map(
              (e) =>
                html`<tr data-action=${e.action}>
                  <td data-label=${t.audit.when}>${formatWhen(e.occurred_at, currentIntlTag)}</td>
                  <td data-label=${t.audit.who}>${e.actor_name ?? '—'}</td>
                  <td data-label=${t.audit.client}>${e.client_name ?? '—'}</td>
                  <td data-label=${t.audit.action}>${t.actions[e.action] ?? e.action}</td>
                  <td data-label=${t.audit.reason}>${e.reason ?? '—'}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        this.more
          ? html`<div class="actions after-list">
              <button class="button secondary" type="button" @click=${this.loadMore}>
                ${t.audit.more}
              </button>
            </div>`
          : nothing
      }`;
  }

  private loadMore(): void {
    const last = this.entries[this.entries.length - 1];
    if (last) void this.load(last.id);
  }

  private async load(before: number | null): Promise<void> {
    const client = this.#supabase.value;
    if (!client) return;
    const result = await loadAudit(client, this.orgId, before);
    if (!result.ok) {
      this.status = 'error';
      this.error = partnerRefusal(result.error);
      return;
    }
    this.entries = before === null ? result.data : [...this.entries, ...result.data];
    this.more = result.data.length === 50;
    this.status = 'ready';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-audit-list': PartnerAuditList;
  }
}
