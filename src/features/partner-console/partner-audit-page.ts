import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import './audit-list.ts';
import { consoleGate, consoleHeader, consoleStyles, ResellerController } from './partner-chrome.ts';
import { loadClients, verifyChain, type ChainCheck } from './partner-console-data.ts';
import { partnerConsoleStrings } from './partner-console-strings.ts';

const t = partnerConsoleStrings;

interface ChainRow {
  clientId: string;
  name: string;
  check: ChainCheck | null;
}

/**
 * The partner's audit: every entry of every client, newest first, and for each
 * client of the first page whether its hash chain is intact (verify_audit_chain).
 */
@customElement('partner-audit-page')
export class PartnerAuditPage extends LitElement {
  static override styles = [sharedStyles, consoleStyles];

  readonly #reseller = new ResellerController(this);
  @state() private chains: ChainRow[] | null = null;
  #checking = false;

  override willUpdate(): void {
    if (!this.#checking && this.#reseller.reseller) {
      this.#checking = true;
      void this.check();
    }
  }

  override render() {
    const gate = consoleGate(this.#reseller, t.titles.audit);
    const reseller = this.#reseller.reseller;
    if (gate || !reseller) return gate;
    return html`<h1>${t.titles.audit}</h1>
      ${consoleHeader(reseller, 'audit')}
      <p>${t.audit.intro}</p>
      <partner-audit-list .orgId=${reseller.id} .caption=${t.titles.audit}></partner-audit-list>
      <section aria-labelledby="chains">
        <h2 id="chains">${t.audit.chain}</h2>
        ${
          this.chains === null
            ? html`<p class="muted" role="status">${t.loading}</p>`
            : html`<ul class="cards">
                ${this.chains.map(
                  (c) =>
                    html`<li class="card" data-client=${c.clientId}>
                      <p class="name">${c.name}</p>
                      <p>${this.chainText(c.check)}</p>
                    </li>`,
                )}
              </ul>`
        }
      </section>`;
  }

  private chainText(check: ChainCheck | null): string {
    if (!check || check.ok === null) return t.audit.chainUnknown;
    if (check.ok) return t.audit.chainOk(check.checked ?? 0);
    return t.audit.chainBroken(String(check.broken_at ?? '?'));
  }

  private async check(): Promise<void> {
    const client = this.#reseller.client;
    const reseller = this.#reseller.reseller;
    if (!client || !reseller) return;
    const clients = await loadClients(client, reseller.id, {
      status: null,
      search: '',
      sort: 'name',
      desc: false,
      limit: 50,
      offset: 0,
    });
    const rows = clients.ok ? clients.data.rows : [];
    this.chains = await Promise.all(
      rows.map(async (r) => {
        const check = await verifyChain(client, r.client_org_id);
        return { clientId: r.client_org_id, name: r.name, check: check.ok ? check.data : null };
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-audit-page': PartnerAuditPage;
  }
}
