import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { discountCodeSchema, discountedPrice, formatMoney } from '../../domain/money.ts';
import { invokeFunction } from '../../data/invoke-function.ts';
import { ContextConsumer } from '@lit/context';
import { supabaseContext } from '../../state/contexts.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { moneyStrings } from './money-strings.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { translateDomainMessage } from '../../i18n/domain-messages.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-field.ts';
import '../../ui/ts-notice.ts';
import { statusTone } from '../../ui/status-tone.ts';
import { statusToneStyles } from '../../ui/chip-styles.ts';
import { errorStrings } from '../../i18n/error-strings.ts';
import {
  loadMemberPrices,
  loadProducts,
  observeMoney,
  type MoneyData,
  type Product,
} from './money-data.ts';

const t = moneyStrings.purchases;

/**
 * What my clubs sell (online), a discount code, Buy → the checkout page (the
 * local test checkout in the local stack, Stripe in production) → back here with
 * the purchase and the credits, which are synced and so shown offline. A checkout
 * left unfinished can be resumed (the same page, while Stripe keeps it open) or
 * canceled; the server expires it otherwise.
 */
@customElement('purchases-page')
export class PurchasesPage extends LitElement {
  static override styles = [
    sharedStyles,
    statusToneStyles,
    css`
      section {
        margin-bottom: var(--ts-space-6);
      }
      fieldset {
        border: 0;
        margin: 0 0 var(--ts-space-4);
        padding: 0;
        display: grid;
        gap: var(--ts-space-2);
      }
      legend {
        font-weight: 600;
        margin-bottom: var(--ts-space-2);
      }
      label.product {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: var(--ts-space-1) var(--ts-space-3);
        align-items: start;
        cursor: pointer;
      }
      label.product input {
        width: 22px;
        height: 22px;
        margin: 2px 0 0;
      }
      label.product:has(input:checked) {
        border-color: var(--ts-color-brand);
        box-shadow: 0 0 0 1px var(--ts-color-brand);
      }
      .member-price {
        font-weight: 600;
        color: var(--ts-color-success, #17663a);
      }
      .price {
        font-weight: 700;
        white-space: nowrap;
      }
      .line {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: var(--ts-space-1) var(--ts-space-3);
      }
      .name {
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-3);
      }
      li.card {
        display: grid;
        gap: var(--ts-space-1);
      }
      .balance {
        font-size: 2rem;
        font-weight: 700;
        line-height: 1.1;
      }
      .status {
        display: inline-block;
        padding: 1px var(--ts-space-2);
        border-radius: 999px;
        background: var(--ts-color-brand-soft);
        color: var(--ts-color-brand-strong);
        font-weight: 600;
      }
      .muted {
        color: var(--ts-color-muted);
      }
      .pending-actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2);
        margin-top: var(--ts-space-2);
      }
      .pending-actions .button {
        flex: 1 1 10rem;
      }
      .confirm {
        margin: var(--ts-space-2) 0 0;
        font-weight: 600;
      }
    `,
  ];

  readonly #money = new LocalQueryController(this, (engine, onChange: (d: MoneyData) => void) => {
    // back from a payment: fetch the purchase the webhook just recorded
    if (this.returned === 'success') engine.requestSync();
    return observeMoney(engine, onChange);
  });
  readonly #client = new ContextConsumer(this, { context: supabaseContext });
  readonly #online = new OnlineController(this);
  #productsFor = '';
  #wasOnline = navigator.onLine;

  @state() private products: Product[] | undefined;
  @state() private productsError = '';
  /** the percentage off my clubs give their members, by organization */
  @state() private memberPrices = new Map<string, number>();
  @state() private productId = '';
  @state() private code = '';
  @state() private codeError = '';
  @state() private buyError = '';
  @state() private buying = false;
  /** the purchase whose resume or cancel is under way */
  @state() private acting: { id: string; action: 'resume' | 'cancel' } | null = null;
  /** the pending purchase whose cancel awaits a second tap */
  @state() private confirming = '';
  /** what the server answered about a purchase, until sync brings the row */
  @state() private closed: Record<string, string> = {};
  @state() private rowMessage: { id: string; text: string; tone: 'error' | 'success' } | null =
    null;
  /** the checkout's outcome when the payment page sent the buyer back here */
  @state() private returned: 'success' | 'canceled' | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    const params = new URLSearchParams(location.search);
    const outcome = params.get('checkout');
    this.returned = outcome === 'success' || outcome === 'canceled' ? outcome : null;
  }

  private get data(): MoneyData | undefined {
    return this.#money.value;
  }

  override willUpdate(): void {
    const orgs = [...(this.data?.organizations.keys() ?? [])].sort().join(',');
    const backOnline = this.#online.online && !this.#wasOnline;
    this.#wasOnline = this.#online.online;
    if (orgs && (orgs !== this.#productsFor || backOnline) && this.#online.online) {
      this.#productsFor = orgs;
      void this.showProducts(orgs.split(','));
    }
  }

  private async showProducts(orgIds: string[]): Promise<void> {
    const client = this.#client.value;
    if (!client) return;
    const [result, memberPrices] = await Promise.all([
      loadProducts(client, orgIds),
      loadMemberPrices(client),
    ]);
    this.memberPrices = memberPrices;
    if (!result.ok) {
      this.productsError = result.error.message;
      return;
    }
    this.productsError = '';
    this.products = result.products;
    // packages first: they are what members come for
    const first = this.products.find((p) => p.kind === 'package') ?? this.products[0];
    if (!this.productId && first) this.productId = first.id;
  }

  override render() {
    return html`
      <h1>${t.title}</h1>
      ${
        this.returned === 'success'
          ? html`<ts-notice tone="success"
              ><p>
                ${
                  this.data?.purchases[0]?.status === 'paid'
                    ? this.data.purchases[0].credits
                      ? t.paidShown
                      : t.paidShownNoSessions
                    : t.paid
                }
              </p></ts-notice
            >`
          : this.returned === 'canceled'
            ? html`<ts-notice><p>${t.canceled}</p></ts-notice>`
            : nothing
      }
      ${
        this.returned === null &&
        this.data?.purchases.some((p) => p.status === 'pending' && !this.closed[p.id])
          ? html`<ts-notice
              ><p>
                ${t.pendingWaiting}
                <button
                  class="link-button"
                  type="button"
                  @click=${() => this.renderRoot.querySelector('#history')?.scrollIntoView()}
                >
                  ${t.pendingLink}
                </button>
              </p></ts-notice
            >`
          : nothing
      }
      ${this.data ? this.renderBalances(this.data) : html`<p class="muted" role="status">…</p>`}
      ${this.renderShop()} ${this.data ? this.renderHistory(this.data) : nothing}
    `;
  }

  private renderBalances(data: MoneyData) {
    const shown = data.balances.filter((b) => data.organizations.has(b.orgId));
    return html`<section aria-labelledby="credits">
      <h2 id="credits">${t.credits}</h2>
      ${
        shown.length === 0
          ? html`<p class="card">${t.noCredits}</p>`
          : html`<ul>
              ${shown.map(
                (b) =>
                  html`<li class="card" data-credits=${b.balance}>
                    <span class="balance">${b.balance}</span>
                    <span class="muted"
                      >${t.creditsIn(data.organizations.get(b.orgId)?.name ?? '')}</span
                    >
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  private renderShop() {
    const online = this.#online.online;
    let body;
    if (!online && !this.products) body = html`<p class="card">${t.shopOffline}</p>`;
    else if (this.productsError)
      body = html`<ts-notice tone="error"
        ><p>${t.loadFailed}: ${this.productsError}</p></ts-notice
      >`;
    else if (!this.products) body = html`<p class="muted" role="status">${strings.loading}</p>`;
    else if (this.products.length === 0) body = html`<p class="card">${t.noProducts}</p>`;
    else body = this.renderForm(this.products);
    return html`<section aria-labelledby="shop">
      <h2 id="shop">${t.shop}</h2>
      ${body}
    </section>`;
  }

  /** the club price of a product of a club that gives its members one */
  private renderMemberPrice(p: Product) {
    const percent = this.memberPrices.get(p.org_id);
    if (!percent) return nothing;
    const price = discountedPrice(p.price_minor, percent);
    return html`<span></span>
      <span class="member-price"
        >${t.memberPrice(formatMoney(price, p.currency, currentIntlTag), percent)}</span
      >`;
  }

  private renderForm(products: Product[]) {
    const online = this.#online.online;
    return html`<form novalidate @submit=${this.buy}>
      <fieldset>
        <legend>${t.product}</legend>
        ${products.map(
          (p) =>
            html`<label class="product card">
              <input
                type="radio"
                name="product"
                .value=${p.id}
                .checked=${p.id === this.productId}
                @change=${() => (this.productId = p.id)}
              />
              <span class="line">
                <span class="name">${p.name}</span>
                <span class="price">${formatMoney(p.price_minor, p.currency, currentIntlTag)}</span>
              </span>
              ${this.renderMemberPrice(p)}
              <span></span>
              <span class="muted">
                ${p.description ?? (p.kind === 'package' && p.credits && p.valid_days ? t.package(p.credits, p.valid_days) : p.kind === 'plan' ? t.plan : '')}
              </span>
            </label>`,
        )}
      </fieldset>
      <ts-field
        name="discount"
        label=${t.discountCode}
        hint=${t.discountHint}
        autocomplete="off"
        .value=${this.code}
        error=${this.codeError}
        @input=${(e: Event) => {
          this.code = (e.target as HTMLInputElement).value;
          this.codeError = '';
        }}
      ></ts-field>
      ${this.buyError ? html`<ts-notice tone="error"><p>${this.buyError}</p></ts-notice>` : nothing}
      ${online ? nothing : html`<ts-notice><p>${t.needsNetwork}</p></ts-notice>`}
      <button class="button block" type="submit" ?disabled=${this.buying || !online}>
        ${this.buying ? t.buying : t.buy}
      </button>
    </form>`;
  }

  private renderHistory(data: MoneyData) {
    return html`<section aria-labelledby="history">
      <h2 id="history">${t.history}</h2>
      ${
        data.purchases.length === 0
          ? html`<p class="card">${t.noPurchases}</p>`
          : html`<ul aria-labelledby="history">
              ${data.purchases.map((p) => {
                const org = data.organizations.get(p.orgId);
                const when = p.createdAt
                  ? new Intl.DateTimeFormat(currentIntlTag, {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                      timeZone: org?.timeZone ?? 'UTC',
                    }).format(new Date(p.createdAt))
                  : '';
                const status = p.status === 'pending' ? (this.closed[p.id] ?? p.status) : p.status;
                return html`<li class="card" data-status=${status} data-purchase=${p.id}>
                  <span class="line">
                    <span class="name">${p.productName}</span>
                    <span class="price"
                      >${formatMoney(p.amountMinor, p.currency, currentIntlTag)}</span
                    >
                  </span>
                  <span class="line">
                    <span class="status" data-tone=${statusTone(status)}>${t.status(status)}</span>
                    <span class="muted">${when}</span>
                  </span>
                  ${
                    p.percentOff || (p.credits && p.status === 'paid')
                      ? html`<span class="muted"
                          >${[
                            p.percentOff ? t.discount(p.percentOff) : '',
                            p.credits && p.status === 'paid' ? t.creditsAdded(p.credits) : '',
                          ]
                            .filter(Boolean)
                            .join(' · ')}</span
                        >`
                      : nothing
                  }
                  ${status === 'pending' ? this.renderPending(p.id) : nothing}
                  ${
                    this.rowMessage?.id === p.id
                      ? html`<ts-notice
                          tone=${this.rowMessage.tone === 'error' ? 'error' : 'success'}
                          ><p>${this.rowMessage.text}</p></ts-notice
                        >`
                      : nothing
                  }
                </li>`;
              })}
            </ul>`
      }
    </section>`;
  }

  private renderPending(id: string) {
    const online = this.#online.online;
    const busy = this.acting !== null;
    if (this.confirming === id) {
      return html`<p class="confirm" id=${`confirm-${id}`}>${t.cancelConfirm}</p>
        <div class="pending-actions" role="group" aria-labelledby=${`confirm-${id}`}>
          <button
            class="button"
            type="button"
            ?disabled=${busy || !online}
            @click=${() => void this.manage(id, 'cancel')}
          >
            ${this.acting?.id === id ? t.canceling : t.cancelYes}
          </button>
          <button class="button secondary" type="button" @click=${() => (this.confirming = '')}>
            ${t.cancelNo}
          </button>
        </div>`;
    }
    return html`<span class="muted">${online ? t.pendingHint : t.manageNeedsNetwork}</span>
      <div class="pending-actions">
        <button
          class="button"
          type="button"
          ?disabled=${busy || !online}
          @click=${() => void this.manage(id, 'resume')}
        >
          ${this.acting?.id === id && this.acting.action === 'resume' ? t.resuming : t.resume}
        </button>
        <button
          class="button secondary"
          type="button"
          ?disabled=${busy || !online}
          @click=${() => {
            this.confirming = id;
            this.rowMessage = null;
          }}
        >
          ${t.cancel}
        </button>
      </div>`;
  }

  /** resume: back to the same payment page; cancel: the server expires it at Stripe first */
  private async manage(id: string, action: 'resume' | 'cancel'): Promise<void> {
    const client = this.#client.value;
    if (!client || this.acting) return;
    this.acting = { id, action };
    this.rowMessage = null;
    const result = await invokeFunction<{ url?: string; status?: string }>(client, 'checkout', {
      body: { action, purchaseId: id },
    });
    this.acting = null;
    this.confirming = '';
    if (result.ok && action === 'resume' && result.data.url) {
      location.assign(result.data.url);
      return;
    }
    if (result.ok) {
      this.closed = { ...this.closed, [id]: result.data.status ?? 'canceled' };
      this.rowMessage = { id, text: t.canceledNow, tone: 'success' };
    } else {
      if (result.code === 'checkout_expired') this.closed = { ...this.closed, [id]: 'expired' };
      const known = (t.errors as Record<string, string | undefined>)[result.code];
      this.rowMessage = {
        id,
        tone: 'error',
        text: result.network
          ? errorStrings.network
          : (known ?? moneyStrings.failed(result.status, result.message)),
      };
    }
    // the server changed the row: bring it here (and to every other device)
    this.#money.engine?.requestSync();
  }

  private async buy(event: Event): Promise<void> {
    event.preventDefault();
    const client = this.#client.value;
    if (!client || !this.productId || this.buying) return;
    const code = discountCodeSchema.safeParse(this.code);
    if (!code.success) {
      this.codeError = translateDomainMessage(code.error.issues[0]?.message ?? '');
      this.renderRoot.querySelector<HTMLElement>('ts-field')?.focus();
      return;
    }
    this.buying = true;
    this.buyError = '';
    this.codeError = '';
    const result = await invokeFunction<{ url: string }>(client, 'checkout', {
      body: {
        productId: this.productId,
        ...(code.data ? { discountCode: code.data } : {}),
        successPath: '/purchases',
        cancelPath: '/purchases',
      },
    });
    if (result.ok) {
      // the payment page (Stripe, or the local test checkout) sends the buyer back here
      location.assign(result.data.url);
      return;
    }
    this.buying = false;
    const known = (t.errors as Record<string, string | undefined>)[result.code];
    if (result.network) this.buyError = errorStrings.network;
    else if (result.code === 'invalid_discount_code') {
      this.codeError = known ?? result.message;
      this.renderRoot.querySelector<HTMLElement>('ts-field')?.focus();
    } else this.buyError = known ?? moneyStrings.failed(result.status, result.message);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'purchases-page': PurchasesPage;
  }
}
