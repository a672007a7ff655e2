import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { discountCodeSchema, formatMoney } from '../../domain/money.ts';
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
import { loadProducts, observeMoney, type MoneyData, type Product } from './money-data.ts';

const t = moneyStrings.purchases;

/**
 * What my clubs sell (online), a discount code, Buy → the checkout page (the
 * local test checkout in the local stack, Stripe in production) → back here with
 * the purchase and the credits, which are synced and so shown offline.
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
  @state() private productId = '';
  @state() private code = '';
  @state() private codeError = '';
  @state() private buyError = '';
  @state() private buying = false;
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
    const result = await loadProducts(client, orgIds);
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
                return html`<li class="card" data-status=${p.status}>
                  <span class="line">
                    <span class="name">${p.productName}</span>
                    <span class="price"
                      >${formatMoney(p.amountMinor, p.currency, currentIntlTag)}</span
                    >
                  </span>
                  <span class="line">
                    <span class="status" data-tone=${statusTone(p.status)}
                      >${t.status(p.status)}</span
                    >
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
                </li>`;
              })}
            </ul>`
      }
    </section>`;
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
